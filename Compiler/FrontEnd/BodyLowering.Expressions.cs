using Ebpf.Compiler.Diagnostics;
using Ebpf.Compiler.IR;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>Expressions: constants, locals, captures, operators, conversions, assignments.</summary>
    internal sealed partial class BodyLowering
    {
        /// <summary>An rvalue: scalars are loaded from memory; structs stay addresses.</summary>
        private LoweredValue LowerValue(IOperation operation)
        {
            LoweredValue value = LowerOperand(operation);
            return Read(value);
        }

        private LoweredValue Read(LoweredValue value)
        {
            if (value.Kind == LoweredValueKind.Address && value.Type is { } type && IsScalarType(type))
            {
                IrType registerType = RegisterType(type);
                return LoweredValue.Scalar(f.Load(registerType, value.Value!, value.Offset, PrimitiveSize(type) * 8), type);
            }

            if (value.Kind == LoweredValueKind.NetworkOrder)
            {
                IrValue raw = f.Load(RegisterType(value.Type!), value.Value!, value.Offset, PrimitiveSize(value.Type!) * 8);
                return LoweredValue.Scalar(raw.Type.Width > 8 ? f.Unary(UnaryOperation.ByteSwap, raw) : raw, value.Type);
            }

            return value;
        }

        /// <summary>An operand: lvalues come back as addresses (or the local's register).</summary>
        private LoweredValue LowerOperand(IOperation operation)
        {
            program.CancellationToken.ThrowIfCancellationRequested();
            if (operation.ConstantValue.HasValue)
            {
                return Constant(operation, operation.ConstantValue.Value, operation.Type);
            }

            switch (operation)
            {
                case ILocalReferenceOperation local:
                    return Local(local.Local, local.Syntax);
                case IParameterReferenceOperation parameter:
                    return TryParameter(parameter.Parameter, out LoweredValue bound) ? bound : Unsupported(operation, "this parameter");
                case IFieldReferenceOperation field:
                    return Field(field);
                case IPropertyReferenceOperation property:
                    return SpanMember(property) ?? SpanEnumeratorCurrent(property) ?? Property(property);
                case IFlowCaptureOperation capture:
                    Capture(capture);
                    return LoweredValue.None;
                case IFlowCaptureReferenceOperation reference:
                    return captures.TryGetValue(reference.Id, out LoweredValue? captured) ? captured : Unsupported(operation, "this expression");
                case IConversionOperation conversion:
                    return Conversion(conversion);
                case IBinaryOperation binary:
                    return Binary(binary);
                case IUnaryOperation unary:
                    return Unary(unary);
                case IIsNullOperation:
                case IIsPatternOperation:
                    return ConditionValue(operation);
                case ISimpleAssignmentOperation assignment:
                    return Assign(assignment);
                case ICompoundAssignmentOperation compound:
                    return CompoundAssign(compound);
                case IIncrementOrDecrementOperation increment:
                    return Increment(increment);
                case IDefaultValueOperation:
                    return operation.Type is { } defaultType && !IsScalarType(defaultType) ? LoweredValue.Zero(defaultType) : Unsupported(operation, "default of this type");
                case IObjectCreationOperation creation:
                    return Creation(creation);
                case IInvocationOperation invocation:
                    return Invocation(invocation);
                case IDelegateCreationOperation { Target: IMethodReferenceOperation target }:
                    return LoweredValue.MethodGroup(target.Method);
                case IDelegateCreationOperation:
                    program.Report(DiagnosticCatalogue.IndirectCall, operation.Syntax, "A delegate (a method group may name a program only as a tail-call target)");
                    return LoweredValue.None;
                case IMethodReferenceOperation reference:
                    return LoweredValue.MethodGroup(reference.Method);
                case IInstanceReferenceOperation when receiver != null:
                    return receiver;
                case IDeclarationExpressionOperation declaration:
                    return LowerOperand(declaration.Expression);
                case IExpressionStatementOperation statement:
                    return LowerOperand(statement.Operation);
                case IEmptyOperation:
                    return LoweredValue.None;
                case IThrowOperation:
                    program.Report(DiagnosticCatalogue.Exceptions, operation.Syntax, "'throw'");
                    return LoweredValue.None;
                case IArrayCreationOperation:
                case IAnonymousObjectCreationOperation:
                case ITupleOperation:
                    program.Report(DiagnosticCatalogue.Allocation, operation.Syntax, Capitalized(Describe(operation)));
                    return LoweredValue.None;
                case IInterpolatedStringOperation:
                    program.Report(DiagnosticCatalogue.Allocation, operation.Syntax, "An interpolated string");
                    return LoweredValue.None;
                case IFlowAnonymousFunctionOperation:
                case IAnonymousFunctionOperation:
                    program.Report(DiagnosticCatalogue.IndirectCall, operation.Syntax, "A lambda");
                    return LoweredValue.None;
                case IInvalidOperation:
                    return LoweredValue.None;
                default:
                    return ElementAccess(operation) ?? Unsupported(operation, Describe(operation));
            }
        }

        private LoweredValue Unsupported(IOperation operation, string what)
        {
            if (operation.Type is { } type && IsFloating(type))
            {
                program.Report(DiagnosticCatalogue.FloatingPoint, operation.Syntax, type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat));
            }
            else
            {
                program.Report(DiagnosticCatalogue.UnsupportedOperation, operation.Syntax, Capitalized(what));
            }

            return LoweredValue.None;
        }

        private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

        private static string Describe(IOperation operation)
        {
            string kind = operation.Kind.ToString();
            var text = new System.Text.StringBuilder();
            foreach (char c in kind)
            {
                if (char.IsUpper(c) && text.Length > 0)
                {
                    text.Append(' ');
                }

                text.Append(char.ToLowerInvariant(c));
            }

            return text + " (" + operation.Syntax.ToString().Split('\n')[0].Trim() + ")";
        }

        private LoweredValue Constant(IOperation operation, object? value, ITypeSymbol? type)
        {
            switch (value)
            {
                case null:
                    return LoweredValue.Null(type);
                case string text:
                    return LoweredValue.String(text);
                case bool flag:
                    return LoweredValue.Scalar(IrFunctionBuilder.I32(flag ? 1 : 0), type);
                case float _:
                case double _:
                case decimal _:
                    program.Report(DiagnosticCatalogue.FloatingPoint, operation.Syntax, (operation.Type ?? type)?.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) ?? "double");
                    return LoweredValue.None;
                case ulong big:
                    return LoweredValue.Scalar(IrFunctionBuilder.Constant(IrType.I64, unchecked((long)big)), type);
                case char c:
                    return LoweredValue.Scalar(IrFunctionBuilder.Constant(IrType.I16, c), type);
                default:
                    if (type is null || !IsScalarType(type))
                    {
                        return Unsupported(operation, "a constant of this type");
                    }

                    return LoweredValue.Scalar(IrFunctionBuilder.Constant(RegisterType(type), System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)), type);
            }
        }

        private void Capture(IFlowCaptureOperation capture)
        {
            if (placeCaptures.Contains(capture.Id) && !captures.ContainsKey(capture.Id))
            {
                captures[capture.Id] = LowerOperand(capture.Value);
                return;
            }

            LoweredValue value = LowerValue(capture.Value);
            if (captures.TryGetValue(capture.Id, out LoweredValue? existing))
            {
                if (existing.Kind == LoweredValueKind.Scalar && existing.Value is VirtualRegister register && value.Kind == LoweredValueKind.Scalar)
                {
                    f.Assign(register, Resize(value.Value!, IsSigned(value.Type), register.Type));
                }
                else if (existing.Kind == LoweredValueKind.Address && !IsScalarType(existing.Type!) && (value.Kind == LoweredValueKind.Address || value.Kind == LoweredValueKind.Zero))
                {
                    CopyInto(existing, value, capture.Syntax);
                }
                else if (value.Kind != LoweredValueKind.None && existing.Kind != LoweredValueKind.None)
                {
                    Unsupported(capture.Value, "a conditional choice between these values");
                }

                return;
            }

            switch (value.Kind)
            {
                case LoweredValueKind.Scalar:
                    VirtualRegister register = f.Register(value.Value!.Type, "c" + captures.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    f.Assign(register, value.Value);
                    captures[capture.Id] = LoweredValue.Scalar(register, value.Type ?? capture.Value.Type);
                    break;
                case LoweredValueKind.Zero:
                    LoweredValue slot = NewStructLocal(value.Type!, "tmp", capture.Syntax);
                    CopyInto(slot, value, capture.Syntax);
                    captures[capture.Id] = slot;
                    break;
                default:
                    captures[capture.Id] = value;
                    break;
            }
        }

        private LoweredValue Local(ILocalSymbol local, SyntaxNode syntax)
        {
            if (locals.TryGetValue(local, out LoweredValue? storage))
            {
                return storage;
            }

            if (local.IsRef)
            {
                return LoweredValue.None;
            }

            ITypeSymbol type = Resolve(local.Type);
            string name = local.Name;
            if (type.SpecialType == SpecialType.System_String)
            {
                program.Report(DiagnosticCatalogue.StringOutsideFormat, syntax);
                return LoweredValue.None;
            }

            if (type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                program.Report(DiagnosticCatalogue.UnsupportedOperation, syntax, $"A local of nullable type '{type.ToDisplayString()}' (use '?? fallback' where the value is made)");
                locals[local] = LoweredValue.None;
                return LoweredValue.None;
            }

            if (IsFloating(type) || type.IsReferenceType && !DslNames.IsNullablePointer(type) && DslNames.Of(type) != DslNames.PacketRef)
            {
                // Reported where the value is made (EBPF2002, EBPF2004); the local itself adds nothing.
                return LoweredValue.None;
            }

            if (IsScalarType(type))
            {
                storage = LoweredValue.Scalar(f.Register(RegisterType(type), name), type);
            }
            else if (DslNames.IsNullablePointer(type) && type is INamedTypeSymbol mapValue)
            {
                storage = LoweredValue.MapValue(f.Register(IrType.PointerTo(PointerKind.MapValueOrNull), name), mapValue.TypeArguments[0]);
            }
            else if (DslNames.Of(type) == DslNames.PacketRef && type is INamedTypeSymbol packetRef)
            {
                storage = LoweredValue.PacketRef(f.Register(IrType.PointerTo(PointerKind.Packet), name), packetRef.TypeArguments[0]);
            }
            else
            {
                storage = NewStructLocal(type, name, syntax);
            }

            locals[local] = storage;
            return storage;
        }

        private LoweredValue NewStructLocal(ITypeSymbol type, string name, SyntaxNode syntax)
        {
            TypeLayout? layout = Layout(type);
            if (layout is null)
            {
                program.Report(DiagnosticCatalogue.UnsupportedType, syntax, type.ToDisplayString());
                return LoweredValue.None;
            }

            return LoweredValue.Address(f.StackSlot(layout.Size, System.Math.Max(layout.Alignment, 1), name), 0, type);
        }

        private LoweredValue Creation(IObjectCreationOperation creation)
        {
            ITypeSymbol? type = creation.Type;
            if (type is null || type.IsReferenceType)
            {
                program.Report(DiagnosticCatalogue.Allocation, creation.Syntax, "Creating an instance of the class '" + creation.Type?.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) + "'");
                return LoweredValue.None;
            }

            if (creation.Arguments.Length > 0 && creation.Constructor is { IsImplicitlyDeclared: false })
            {
                return Construct(creation);
            }

            if (creation.Initializer != null && creation.Initializer.Initializers.Length > 0)
            {
                return Unsupported(creation, "an object initializer here");
            }

            return LoweredValue.Zero(type);
        }
    }
}

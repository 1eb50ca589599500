using Ebpf.Compiler.Diagnostics;
using Ebpf.Compiler.IR;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>Fields, properties of the DSL objects, context fields, packet pointers, struct copies.</summary>
    internal sealed partial class BodyLowering
    {
        private LoweredValue Field(IFieldReferenceOperation reference)
        {
            IFieldSymbol field = reference.Field;
            if (field.IsStatic)
            {
                if (program.Maps.TryGetValue((IFieldSymbol)field.OriginalDefinition, out string? map))
                {
                    return LoweredValue.Map(map, field.Type);
                }

                return Configuration(reference);
            }

            LoweredValue instance = reference.Instance is null ? LoweredValue.None : LowerOperand(reference.Instance);
            if (instance.Kind == LoweredValueKind.None)
            {
                return instance;
            }

            if (instance.Kind != LoweredValueKind.Address || Layout(instance.Type!) is not TypeLayout layout)
            {
                return Unsupported(reference, "this field access");
            }

            if (field.IsFixedSizeBuffer && field.Type is IPointerTypeSymbol pointer)
            {
                return LoweredValue.StackBuffer(instance.Value!, instance.Offset + layout.OffsetOf(field), field.FixedSize, pointer.PointedAtType);
            }

            return instance.Field(layout.OffsetOf(field), field.Type);
        }

        /// <summary>A static readonly field with a constant initialiser: its value.</summary>
        private LoweredValue Configuration(IFieldReferenceOperation reference)
        {
            IFieldSymbol field = reference.Field;
            if (field.IsReadOnly && IsScalarType(field.Type))
            {
                foreach (SyntaxReference declaration in field.DeclaringSyntaxReferences)
                {
                    if (declaration.GetSyntax(program.CancellationToken) is VariableDeclaratorSyntax { Initializer: { } initializer })
                    {
                        Optional<object?> value = program.Model(initializer.SyntaxTree).GetConstantValue(initializer.Value, program.CancellationToken);
                        if (value.HasValue)
                        {
                            return Constant(reference, value.Value, field.Type);
                        }
                    }
                }
            }

            program.ReportConfigurationField(field, reference.Syntax);
            return LoweredValue.None;
        }

        private LoweredValue Property(IPropertyReferenceOperation reference)
        {
            IPropertySymbol property = reference.Property;
            string owner = DslNames.Of(property.ContainingType);
            LoweredValue instance = reference.Instance is null ? LoweredValue.None : LowerValue(reference.Instance);
            switch (owner)
            {
                case DslNames.MapValue when property.Name == "Value" && instance.Kind == LoweredValueKind.MapValue:
                case DslNames.RingBufferRecord when property.Name == "Value" && instance.Kind == LoweredValueKind.MapValue:
                    CheckNotNull(reference.Instance!, DiagnosticCatalogue.UncheckedMapValue, "Lookup");
                    IrValue pointer = f.Convert(ConversionKind.AssumeNonNull, instance.Value!, IrType.PointerTo(PointerKind.MapValue));
                    return LoweredValue.Address(pointer, 0, instance.Type!);
                case DslNames.PacketRef when property.Name == "Value" && instance.Kind == LoweredValueKind.PacketRef:
                    CheckNotNull(reference.Instance!, DiagnosticCatalogue.PacketBounds, null);
                    return LoweredValue.Address(instance.Value!, 0, instance.Type!);
                case DslNames.XdpContext:
                case DslNames.SkBuffContext:
                    return ContextProperty(reference, instance);
                case DslNames.Packet when property.Name == "Length" && instance.Kind == LoweredValueKind.Packet:
                    IrValue start = PacketStart(instance.IsMetadata);
                    IrValue end = PacketEnd(instance.IsMetadata);
                    IrValue length = end.Type.Pointer == start.Type.Pointer ? f.Subtract(end, start) : f.Subtract(f.Convert(ConversionKind.Reinterpret, end, IrType.I64), f.Convert(ConversionKind.Reinterpret, start, IrType.I64));
                    return LoweredValue.Scalar(f.Convert(ConversionKind.Truncate, length, IrType.I32), property.Type);
            }

            if ((Ipv4Property(reference, instance) ?? Ipv6Property(reference, instance)) is LoweredValue computed)
            {
                return computed;
            }

            if (NetworkOrderField(property, instance) is LoweredValue networkField)
            {
                return LoweredValue.NetworkOrder(networkField, property.Type, property.SetMethod);
            }

            if (property.ContainingType?.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                if (instance.Kind == LoweredValueKind.Null)
                {
                    return property.Name == "HasValue" ? LoweredValue.Scalar(IrFunctionBuilder.I32(0), property.Type) : LoweredValue.Scalar(IrFunctionBuilder.Constant(RegisterType(property.Type), 0), property.Type);
                }

                if (instance.Kind == LoweredValueKind.Scalar)
                {
                    return property.Name == "HasValue" ? LoweredValue.Scalar(IrFunctionBuilder.I32(1), property.Type) : instance;
                }
            }

            if (instance.Kind == LoweredValueKind.None && reference.Instance != null)
            {
                return instance;
            }

            return InlineGetter(reference, instance);
        }

        /// <summary>
        /// A DSL header property that shows a network-order field in host order (<c>EtherType</c> over <c>_etherType</c>,
        /// <c>TotalLength</c> over <c>_totalLength</c>): the field's place, or null for other properties.
        /// </summary>
        private LoweredValue? NetworkOrderField(IPropertySymbol property, LoweredValue instance)
        {
            if (instance.Kind != LoweredValueKind.Address || property.ContainingType is null ||
                !DslNames.Of(property.ContainingType).StartsWith("Ebpf.Dsl.Packets.", System.StringComparison.Ordinal) ||
                Layout(property.ContainingType) is not TypeLayout layout)
            {
                return null;
            }

            (string Field, int Delta)? alias = HeaderFieldAlias(property);
            IFieldSymbol? field = RawField(property.ContainingType, alias?.Field ?? "_" + char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1));
            int size = PrimitiveSize(property.Type);
            if (field is null || size == 0 || (alias is { } part ? part.Delta + size > PrimitiveSize(field.Type) : PrimitiveSize(field.Type) != size))
            {
                return null;
            }

            // An alias is a part of its field, seen as the property's type; otherwise the field is the property's width.
            return alias is { } within ? instance.Field(layout.OffsetOf(field) + within.Delta, property.Type) : instance.Field(layout.OffsetOf(field), field.Type);
        }

        /// <summary>Reports when C#'s nullable analysis says the value may be null here, or when '!' silenced it.</summary>
        /// <remarks>
        /// <paramref name="source"/> names the call the value came from (EBPF3001's second argument); null for a
        /// packet reference (EBPF3002, whose argument is the access).
        /// </remarks>
        private void CheckNotNull(IOperation value, DiagnosticDescriptor descriptor, string? source)
        {
            SyntaxNode syntax = value.Syntax;
            while (syntax.Parent is ParenthesizedExpressionSyntax || syntax.Parent is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression })
            {
                syntax = syntax.Parent;
            }

            if (syntax is PostfixUnaryExpressionSyntax postfix && postfix.IsKind(SyntaxKind.SuppressNullableWarningExpression))
            {
                program.Report(descriptor, syntax, NotNullArguments(syntax, source));
                return;
            }

            if (syntax is ExpressionSyntax expression && syntax.SyntaxTree != null && program.Compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            {
                TypeInfo info = program.Model(syntax.SyntaxTree).GetTypeInfo(expression, program.CancellationToken);
                if (info.Nullability.FlowState == NullableFlowState.MaybeNull)
                {
                    program.Report(descriptor, syntax, NotNullArguments(syntax, source));
                }
            }
        }

        private static object[] NotNullArguments(SyntaxNode syntax, string? source) =>
            source is null ? new object[] { "'" + syntax + "'" } : new object[] { syntax.ToString(), source };

        private LoweredValue ContextProperty(IPropertyReferenceOperation reference, LoweredValue instance)
        {
            IPropertySymbol property = reference.Property;
            if (instance.Kind != LoweredValueKind.Context)
            {
                return instance.Kind == LoweredValueKind.None ? instance : Unsupported(reference, "a context other than the program's parameter");
            }

            if (property.Name == "Packet")
            {
                return LoweredValue.Packet(false);
            }

            if (property.Name == "Metadata" && program.IsXdp)
            {
                return LoweredValue.Packet(true);
            }

            if (ContextLayout.Field(program.IsXdp, property.Name) is not { } field)
            {
                return Unsupported(reference, $"the context property '{property.Name}'");
            }

            if (field.ByteSwap)
            {
                IrValue raw = f.Load(IrType.I16, instance.Value!, field.Offset, 16);
                return LoweredValue.Scalar(f.Unary(UnaryOperation.ByteSwap, raw), property.Type);
            }

            return LoweredValue.Address(instance.Value!, field.Offset, property.Type);
        }

        private IrValue ContextPointer() => program.ContextRegister!;

        /// <summary>data (or data_meta) as a packet pointer.</summary>
        private IrValue PacketStart(bool metadata) =>
            f.Load(IrType.PointerTo(PointerKind.Packet), ContextPointer(), metadata ? ContextLayout.DataMeta(program.IsXdp) : ContextLayout.Data(program.IsXdp), 32);

        /// <summary>data_end (or data, for the metadata area).</summary>
        private IrValue PacketEnd(bool metadata) =>
            metadata
                ? f.Load(IrType.PointerTo(PointerKind.Packet), ContextPointer(), ContextLayout.Data(program.IsXdp), 32)
                : f.Load(IrType.PointerTo(PointerKind.PacketEnd), ContextPointer(), ContextLayout.DataEnd(program.IsXdp), 32);

        /// <summary>Copies (or zeroes) a whole struct into <paramref name="target"/>, in the widest aligned pieces.</summary>
        private void CopyInto(LoweredValue target, LoweredValue source, SyntaxNode syntax)
        {
            if (target.Kind != LoweredValueKind.Address || Layout(target.Type!) is not TypeLayout layout)
            {
                return;
            }

            int size = layout.Size;
            int position = 0;
            while (position < size)
            {
                int piece = 8;
                while (piece > 1 && (position + piece > size || (target.Offset + position) % piece != 0 || piece > System.Math.Max(layout.Alignment, 1) && target.Value!.Type.Pointer != PointerKind.Stack ||
                    source.Kind == LoweredValueKind.Address && source.Value!.Type.Pointer == PointerKind.Stack && (source.Offset + position) % piece != 0))
                {
                    piece /= 2;
                }

                IrType type = IrType.Scalar(piece * 8);
                IrValue value = source.Kind == LoweredValueKind.Address
                    ? f.Load(type, source.Value!, source.Offset + position, piece * 8)
                    : IrFunctionBuilder.Constant(type, 0);
                f.Store(target.Value!, target.Offset + position, value, piece * 8);
                position += piece;
            }

            _ = syntax;
        }

        /// <summary>A pointer to the value's bytes on the stack (copying scalars and non-stack memory into a new slot).</summary>
        private IrValue StackPointerTo(LoweredValue value, ITypeSymbol type, SyntaxNode syntax)
        {
            value = value.Kind == LoweredValueKind.NetworkOrder ? Read(value) : value;
            if (value.Kind == LoweredValueKind.Address && value.Value is StackSlot slot && value.Offset == 0)
            {
                return slot;
            }

            LoweredValue temporary = NewStructLocal(type, "arg", syntax);
            if (temporary.Kind == LoweredValueKind.None)
            {
                return IrFunctionBuilder.I64(0);
            }

            if (value.Kind == LoweredValueKind.Scalar)
            {
                f.Store(temporary.Value!, 0, ScalarOf(value, type), PrimitiveSize(type) * 8);
            }
            else
            {
                CopyInto(temporary, value, syntax);
            }

            return temporary.Value!;
        }
    }
}

using Ebpf.Compiler.Diagnostics;
using Ebpf.Compiler.IR;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>
    /// Integer operators with C# semantics: results wrap at the type's width, shifts mask their count (<c>n &amp; 31</c>
    /// for 32-bit, <c>n &amp; 63</c> for 64-bit operands), conversions extend by the source's signedness or truncate.
    /// Division and remainder follow the kernel, not the CLR: <c>x / 0 == 0</c>, <c>x % 0 == x</c> and
    /// <c>int.MinValue / -1 == int.MinValue</c> (nothing throws in BPF).
    /// </summary>
    internal sealed partial class BodyLowering
    {
        private bool IsScalarType(ITypeSymbol type) => PrimitiveSize(Resolve(type)) > 0;

        private static bool IsFloating(ITypeSymbol type) =>
            type.SpecialType == SpecialType.System_Single || type.SpecialType == SpecialType.System_Double || type.SpecialType == SpecialType.System_Decimal;

        private static ITypeSymbol Underlying(ITypeSymbol type) =>
            type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying } ? underlying : type;

        private bool IsSigned(ITypeSymbol? type)
        {
            switch (type is null ? SpecialType.None : Underlying(Resolve(type)).SpecialType)
            {
                case SpecialType.System_SByte:
                case SpecialType.System_Int16:
                case SpecialType.System_Int32:
                case SpecialType.System_Int64:
                case SpecialType.System_IntPtr:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>The IR type a value of this C# type lives in: its width; bool is an i32 holding 0 or 1.</summary>
        private IrType RegisterType(ITypeSymbol type) =>
            Resolve(type).SpecialType == SpecialType.System_Boolean ? IrType.I32 : IrType.Scalar(PrimitiveSize(Resolve(type)) * 8);

        /// <summary>Widens (by signedness) or truncates a scalar to <paramref name="target"/>.</summary>
        private IrValue Resize(IrValue value, bool signed, IrType target)
        {
            if (value.Type == target || target.IsPointer || value.Type.IsPointer)
            {
                return value;
            }

            if (value is IrConstant constant)
            {
                long bits = (long)constant.Bits;
                if (signed && value.Type.Width < 64)
                {
                    int shift = 64 - value.Type.Width;
                    bits = bits << shift >> shift;
                }

                return IrFunctionBuilder.Constant(target, bits);
            }

            if (target.Width > value.Type.Width)
            {
                return f.Convert(signed ? ConversionKind.SignExtend : ConversionKind.ZeroExtend, value, target);
            }

            return f.Convert(ConversionKind.Truncate, value, target);
        }

        private IrValue ScalarOf(LoweredValue value, ITypeSymbol type)
        {
            IrType target = RegisterType(type);
            if (value.Kind != LoweredValueKind.Scalar)
            {
                return IrFunctionBuilder.Constant(target, 0);
            }

            return Resize(value.Value!, IsSigned(value.Type), target);
        }

        private LoweredValue Conversion(IConversionOperation conversion)
        {
            ITypeSymbol? target = conversion.Type;
            ITypeSymbol? source = conversion.Operand.Type;
            if (conversion.OperatorMethod != null)
            {
                return Unsupported(conversion, "a user-defined conversion");
            }

            if (target is not null && IsFloating(target) || source is not null && IsFloating(source))
            {
                program.Report(DiagnosticCatalogue.FloatingPoint, conversion.Syntax, (target is not null && IsFloating(target) ? target : source!).ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat));
                return LoweredValue.None;
            }

            LoweredValue operand = LowerValue(conversion.Operand);
            if (source is { IsValueType: true } && target is { IsReferenceType: true })
            {
                program.Report(DiagnosticCatalogue.Allocation, conversion.IsImplicit ? conversion.Operand.Syntax : conversion.Syntax, "Boxing '" + (conversion.Operand.Type?.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) ?? "a value") + "' to '" + (conversion.Type?.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) ?? "a reference") + "'");
                return LoweredValue.None;
            }

            if (target is null || operand.Kind != LoweredValueKind.Scalar)
            {
                return operand;
            }

            if (target is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                return LoweredValue.Scalar(operand.Value!, nullable.TypeArguments[0]);
            }

            if (!IsScalarType(target))
            {
                return Unsupported(conversion, $"a conversion to '{target.ToDisplayString()}'");
            }

            if (conversion.IsChecked && PrimitiveSize(target) <= PrimitiveSize(operand.Type ?? target) && IsSigned(target) != IsSigned(operand.Type))
            {
                program.Report(DiagnosticCatalogue.Exceptions, conversion.Syntax, "Checked conversion");
            }

            return LoweredValue.Scalar(ScalarOf(operand, target), target);
        }

        private LoweredValue Binary(IBinaryOperation binary)
        {
            if (binary.OperatorMethod != null)
            {
                return Unsupported(binary, "a user-defined operator");
            }

            if (IsComparison(binary.OperatorKind))
            {
                return ConditionValue(binary);
            }

            if (binary.IsChecked && (binary.OperatorKind == BinaryOperatorKind.Add || binary.OperatorKind == BinaryOperatorKind.Subtract || binary.OperatorKind == BinaryOperatorKind.Multiply))
            {
                program.Report(DiagnosticCatalogue.Exceptions, binary.Syntax, "Checked arithmetic");
            }

            LoweredValue left = LowerValue(binary.LeftOperand);
            LoweredValue right = LowerValue(binary.RightOperand);
            if (left.Kind != LoweredValueKind.Scalar || right.Kind != LoweredValueKind.Scalar || binary.Type is null || !IsScalarType(binary.Type))
            {
                return left.Kind == LoweredValueKind.None || right.Kind == LoweredValueKind.None ? LoweredValue.None : Unsupported(binary, "this operator on these operands");
            }

            IrValue? value = Arithmetic(binary.OperatorKind, left, right, binary.Type, binary);
            return value is null ? LoweredValue.None : LoweredValue.Scalar(value, binary.Type);
        }

        /// <summary>left op right in <paramref name="type"/>; null (reported) when the operator is not an integer one.</summary>
        private IrValue? Arithmetic(BinaryOperatorKind kind, LoweredValue left, LoweredValue right, ITypeSymbol type, IOperation at)
        {
            IrType resultType = RegisterType(type);
            if (resultType.Width >= 32)
            {
                return WideArithmetic(kind, left, right, resultType, IsSigned(left.Type ?? type), at);
            }

            // The IR computes in 32 or 64 bits: narrow (enum) operations compute in 32 and truncate back.
            IrValue? wide = WideArithmetic(kind, left, right, IrType.I32, IsSigned(left.Type ?? type), at);
            return wide is null ? null : Resize(wide, false, resultType);
        }

        private IrValue? WideArithmetic(BinaryOperatorKind kind, LoweredValue left, LoweredValue right, IrType irType, bool signed, IOperation at)
        {
            IrValue l = Resize(left.Value!, IsSigned(left.Type), irType);
            if (l is IrConstant)
            {
                l = f.Move(l);
            }

            if (kind == BinaryOperatorKind.LeftShift || kind == BinaryOperatorKind.RightShift || kind == BinaryOperatorKind.UnsignedRightShift)
            {
                int mask = irType.Width == 64 ? 63 : 31;
                IrValue count;
                if (right.Value is IrConstant constantCount)
                {
                    count = IrFunctionBuilder.Constant(irType, (long)constantCount.Bits & mask);
                }
                else
                {
                    IrValue masked = f.And(right.Value!, IrFunctionBuilder.Constant(right.Value!.Type, mask));
                    count = Resize(masked, false, irType);
                }

                if (kind == BinaryOperatorKind.LeftShift)
                {
                    return f.ShiftLeft(l, count);
                }

                return f.ShiftRight(l, count, kind == BinaryOperatorKind.RightShift && signed);
            }

            IrValue r = Resize(right.Value!, IsSigned(right.Type), irType);
            if (signed && (kind == BinaryOperatorKind.Divide || kind == BinaryOperatorKind.Remainder))
            {
                program.NeedsCpuV4 = true;
            }

            switch (kind)
            {
                case BinaryOperatorKind.Add: return f.Add(l, r);
                case BinaryOperatorKind.Subtract: return f.Subtract(l, r);
                case BinaryOperatorKind.Multiply: return f.Multiply(l, r);
                case BinaryOperatorKind.Divide: return program.RecordDivision(f.Divide(l, r, signed), at.Syntax);
                case BinaryOperatorKind.Remainder: return program.RecordDivision(f.Remainder(l, r, signed), at.Syntax);
                case BinaryOperatorKind.And: return f.And(l, r);
                case BinaryOperatorKind.Or: return f.Or(l, r);
                case BinaryOperatorKind.ExclusiveOr: return f.Xor(l, r);
                default:
                    Unsupported(at, "the operator " + kind);
                    return null;
            }
        }

        private static bool IsComparison(BinaryOperatorKind kind) =>
            kind == BinaryOperatorKind.Equals || kind == BinaryOperatorKind.NotEquals || kind == BinaryOperatorKind.LessThan ||
            kind == BinaryOperatorKind.LessThanOrEqual || kind == BinaryOperatorKind.GreaterThan || kind == BinaryOperatorKind.GreaterThanOrEqual;

        private LoweredValue Unary(IUnaryOperation unary)
        {
            if (unary.OperatorKind == UnaryOperatorKind.Not)
            {
                return ConditionValue(unary);
            }

            LoweredValue operand = LowerValue(unary.Operand);
            if (operand.Kind != LoweredValueKind.Scalar || unary.Type is null || !IsScalarType(unary.Type))
            {
                return operand.Kind == LoweredValueKind.None ? operand : Unsupported(unary, "this operator");
            }

            IrValue value = ScalarOf(operand, unary.Type);
            if (value.Type.Width < 32 && unary.OperatorKind != UnaryOperatorKind.Plus)
            {
                IrValue wide = Resize(value, IsSigned(unary.Type), IrType.I32);
                UnaryOperation narrowOperation = unary.OperatorKind == UnaryOperatorKind.Minus ? UnaryOperation.Negate : UnaryOperation.Not;
                return LoweredValue.Scalar(Resize(f.Unary(narrowOperation, wide is IrConstant ? f.Move(wide) : wide), false, value.Type), unary.Type);
            }

            switch (unary.OperatorKind)
            {
                case UnaryOperatorKind.Plus:
                    return LoweredValue.Scalar(value, unary.Type);
                case UnaryOperatorKind.Minus:
                    return LoweredValue.Scalar(f.Unary(UnaryOperation.Negate, value is IrConstant ? f.Move(value) : value), unary.Type);
                case UnaryOperatorKind.BitwiseNegation:
                    return LoweredValue.Scalar(f.Unary(UnaryOperation.Not, value is IrConstant ? f.Move(value) : value), unary.Type);
                default:
                    return Unsupported(unary, "the operator " + unary.OperatorKind);
            }
        }
    }
}

using Ebpf.Compiler.IR;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>Booleans: compares, null checks of map values and packet refs, patterns, <c>!</c>; branches on them.</summary>
    internal sealed partial class BodyLowering
    {
        private void Branch(IOperation condition, BasicBlock ifTrue, BasicBlock ifFalse)
        {
            BranchCondition lowered = Condition(condition);
            if (lowered.Constant is bool known)
            {
                f.Jump(known ? ifTrue : ifFalse);
                return;
            }

            f.Branch(lowered.Condition, lowered.Left!, lowered.Right!, ifTrue, ifFalse);
        }

        /// <summary>A boolean as an i32 0 or 1.</summary>
        private LoweredValue ConditionValue(IOperation operation)
        {
            BranchCondition lowered = Condition(operation);
            if (lowered.Constant is bool known)
            {
                return LoweredValue.Scalar(IrFunctionBuilder.I32(known ? 1 : 0), operation.Type);
            }

            return LoweredValue.Scalar(f.Compare(lowered.Condition, lowered.Left!, lowered.Right!), operation.Type);
        }

        private BranchCondition Condition(IOperation operation)
        {
            if (operation.ConstantValue.HasValue && operation.ConstantValue.Value is bool constant)
            {
                return BranchCondition.Known(constant);
            }

            switch (operation)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return Negate(Condition(not.Operand), not);
                case IBinaryOperation binary when binary.OperatorMethod is null && IsComparison(binary.OperatorKind):
                    return Comparison(binary);
                case Microsoft.CodeAnalysis.FlowAnalysis.IIsNullOperation isNull:
                    return IsNull(LowerValue(isNull.Operand), isNull);
                case IIsPatternOperation pattern:
                    return Pattern(LowerValue(pattern.Value), pattern.Value.Type, pattern.Pattern);
            }

            LoweredValue value = LowerValue(operation);
            if (value.Kind != LoweredValueKind.Scalar)
            {
                if (value.Kind != LoweredValueKind.None)
                {
                    Unsupported(operation, "this condition");
                }

                return BranchCondition.Known(false);
            }

            return Compare(Ebpf.Compiler.IR.Condition.NotEqual, value.Value!, IrFunctionBuilder.Constant(value.Value!.Type, 0));
        }

        private BranchCondition Negate(BranchCondition condition, IOperation at)
        {
            if (condition.Constant is bool known)
            {
                return BranchCondition.Known(!known);
            }

            if (ConditionFacts.Negate(condition.Condition) is Condition negated)
            {
                return BranchCondition.Compare(negated, condition.Left!, condition.Right!);
            }

            IrValue value = f.Compare(condition.Condition, condition.Left!, condition.Right!);
            return BranchCondition.Compare(Ebpf.Compiler.IR.Condition.Equal, value, IrFunctionBuilder.I32(0));
        }

        /// <summary>A compare with constants folded and a constant left operand swapped to the right.</summary>
        private BranchCondition Compare(Condition condition, IrValue left, IrValue right)
        {
            if (left is IrConstant l && right is IrConstant r)
            {
                return BranchCondition.Known(ConditionFacts.Evaluate(condition, l.Bits, r.Bits, System.Math.Max(l.Type.Width, r.Type.Width)));
            }

            if (left.Type.Width < 32 || right.Type.Width < 32)
            {
                // Compares are 32- or 64-bit: widen narrow operands the way the condition reads them.
                bool signed = condition == Ebpf.Compiler.IR.Condition.SignedLess || condition == Ebpf.Compiler.IR.Condition.SignedLessOrEqual ||
                    condition == Ebpf.Compiler.IR.Condition.SignedGreater || condition == Ebpf.Compiler.IR.Condition.SignedGreaterOrEqual;
                IrType wide = left.Type.Width == 64 || right.Type.Width == 64 ? IrType.I64 : IrType.I32;
                left = Resize(left, signed, wide);
                right = Resize(right, signed, wide);
            }

            if (left is IrConstant)
            {
                return BranchCondition.Compare(ConditionFacts.Swap(condition), right, left);
            }

            return BranchCondition.Compare(condition, left, right);
        }

        private BranchCondition Comparison(IBinaryOperation binary)
        {
            LoweredValue left = LowerValue(binary.LeftOperand);
            LoweredValue right = LowerValue(binary.RightOperand);
            bool equality = binary.OperatorKind == BinaryOperatorKind.Equals || binary.OperatorKind == BinaryOperatorKind.NotEquals;
            if (equality && (left.Kind == LoweredValueKind.Null || right.Kind == LoweredValueKind.Null))
            {
                BranchCondition isNull = IsNull(left.Kind == LoweredValueKind.Null ? right : left, binary);
                return binary.OperatorKind == BinaryOperatorKind.Equals ? isNull : Negate(isNull, binary);
            }

            if (left.Kind != LoweredValueKind.Scalar || right.Kind != LoweredValueKind.Scalar)
            {
                if (left.Kind != LoweredValueKind.None && right.Kind != LoweredValueKind.None)
                {
                    Unsupported(binary, "this comparison");
                }

                return BranchCondition.Known(false);
            }

            ITypeSymbol operandType = binary.LeftOperand.Type ?? binary.RightOperand.Type!;
            bool signed = IsSigned(operandType);
            IrType type = IsScalarType(operandType) ? RegisterType(operandType) : left.Value!.Type;
            IrValue l = Resize(left.Value!, IsSigned(left.Type), type);
            IrValue r = Resize(right.Value!, IsSigned(right.Type), type);
            Condition condition;
            switch (binary.OperatorKind)
            {
                case BinaryOperatorKind.Equals: condition = Ebpf.Compiler.IR.Condition.Equal; break;
                case BinaryOperatorKind.NotEquals: condition = Ebpf.Compiler.IR.Condition.NotEqual; break;
                case BinaryOperatorKind.LessThan: condition = signed ? Ebpf.Compiler.IR.Condition.SignedLess : Ebpf.Compiler.IR.Condition.UnsignedLess; break;
                case BinaryOperatorKind.LessThanOrEqual: condition = signed ? Ebpf.Compiler.IR.Condition.SignedLessOrEqual : Ebpf.Compiler.IR.Condition.UnsignedLessOrEqual; break;
                case BinaryOperatorKind.GreaterThan: condition = signed ? Ebpf.Compiler.IR.Condition.SignedGreater : Ebpf.Compiler.IR.Condition.UnsignedGreater; break;
                default: condition = signed ? Ebpf.Compiler.IR.Condition.SignedGreaterOrEqual : Ebpf.Compiler.IR.Condition.UnsignedGreaterOrEqual; break;
            }

            return Compare(condition, l, r);
        }

        /// <summary><c>x is null</c>: a map value pointer is 0; a packet ref's end passes data_end; a returned tail call is always null.</summary>
        private BranchCondition IsNull(LoweredValue value, IOperation at)
        {
            switch (value.Kind)
            {
                case LoweredValueKind.Null:
                    return BranchCondition.Known(true);
                case LoweredValueKind.MapValue:
                    return BranchCondition.Compare(Ebpf.Compiler.IR.Condition.Equal, value.Value!, IrFunctionBuilder.I64(0));
                case LoweredValueKind.PacketRef:
                    TypeLayout? layout = Layout(value.Type!);
                    IrValue end = PacketEnd(value.IsMetadata);
                    IrValue limit = f.Add(value.Value!, IrFunctionBuilder.I64(layout?.Size ?? 1));
                    return BranchCondition.Compare(Ebpf.Compiler.IR.Condition.UnsignedGreater, limit, end);
                case LoweredValueKind.Scalar:
                case LoweredValueKind.Address:
                case LoweredValueKind.Context:
                case LoweredValueKind.Map:
                    return BranchCondition.Known(false);
                case LoweredValueKind.None:
                    return BranchCondition.Known(false);
                default:
                    Unsupported(at, "this null check");
                    return BranchCondition.Known(false);
            }
        }

        private BranchCondition Pattern(LoweredValue value, ITypeSymbol? valueType, IPatternOperation pattern)
        {
            switch (pattern)
            {
                case IConstantPatternOperation constant when constant.Value.ConstantValue.HasValue && constant.Value.ConstantValue.Value is null:
                    return IsNull(value, pattern);
                case IConstantPatternOperation constant when value.Kind == LoweredValueKind.Scalar && valueType != null:
                    LoweredValue c = LowerValue(constant.Value);
                    return Compare(Ebpf.Compiler.IR.Condition.Equal, ScalarOf(value, valueType), ScalarOf(c, valueType));
                case IRelationalPatternOperation relational when value.Kind == LoweredValueKind.Scalar && valueType != null:
                    LoweredValue bound = LowerValue(relational.Value);
                    bool signed = IsSigned(valueType);
                    Condition condition;
                    switch (relational.OperatorKind)
                    {
                        case BinaryOperatorKind.LessThan: condition = signed ? Ebpf.Compiler.IR.Condition.SignedLess : Ebpf.Compiler.IR.Condition.UnsignedLess; break;
                        case BinaryOperatorKind.LessThanOrEqual: condition = signed ? Ebpf.Compiler.IR.Condition.SignedLessOrEqual : Ebpf.Compiler.IR.Condition.UnsignedLessOrEqual; break;
                        case BinaryOperatorKind.GreaterThan: condition = signed ? Ebpf.Compiler.IR.Condition.SignedGreater : Ebpf.Compiler.IR.Condition.UnsignedGreater; break;
                        default: condition = signed ? Ebpf.Compiler.IR.Condition.SignedGreaterOrEqual : Ebpf.Compiler.IR.Condition.UnsignedGreaterOrEqual; break;
                    }

                    return Compare(condition, ScalarOf(value, valueType), ScalarOf(bound, valueType));
                case INegatedPatternOperation negated:
                    return Negate(Pattern(value, valueType, negated.Pattern), pattern);
                case IDiscardPatternOperation:
                    return BranchCondition.Known(true);
                case IBinaryPatternOperation both:
                    BranchCondition left = Pattern(value, valueType, both.LeftPattern);
                    BranchCondition right = Pattern(value, valueType, both.RightPattern);
                    IrValue l = AsValue(left);
                    IrValue r = AsValue(right);
                    IrValue combined = both.OperatorKind == BinaryOperatorKind.And ? f.And(l, r) : f.Or(l, r);
                    return BranchCondition.Compare(Ebpf.Compiler.IR.Condition.NotEqual, combined, IrFunctionBuilder.I32(0));
                default:
                    Unsupported(pattern, "this pattern");
                    return BranchCondition.Known(false);
            }
        }

        private IrValue AsValue(BranchCondition condition) =>
            condition.Constant is bool known ? f.Move(IrFunctionBuilder.I32(known ? 1 : 0)) : f.Compare(condition.Condition, condition.Left!, condition.Right!);
    }
}

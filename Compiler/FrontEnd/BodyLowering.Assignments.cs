using Ebpf.Compiler.IR;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>Assignments: simple, compound, increments, ref locals, stores to registers, memory and whole structs.</summary>
    internal sealed partial class BodyLowering
    {
        private LoweredValue Assign(ISimpleAssignmentOperation assignment)
        {
            if (assignment.IsRef && assignment.Target is ILocalReferenceOperation refLocal)
            {
                LoweredValue place = LowerOperand(assignment.Value);
                locals[refLocal.Local] = place;
                return place;
            }

            if (assignment.Target is ILocalReferenceOperation spanLocal && IsSpan(spanLocal.Local.Type))
            {
                return AssignSpanLocal(spanLocal, assignment.Value);
            }

            LoweredValue target = LowerOperand(assignment.Target);
            LoweredValue value = LowerValue(assignment.Value);
            return Store(target, value, assignment);
        }

        /// <summary>Stores into a local register, a scalar in memory, or a whole struct; returns the stored value.</summary>
        private LoweredValue Store(LoweredValue target, LoweredValue value, IOperation at)
        {
            if (value.Kind == LoweredValueKind.None || target.Kind == LoweredValueKind.None)
            {
                return LoweredValue.None;
            }

            switch (target.Kind)
            {
                case LoweredValueKind.Scalar when target.Value is VirtualRegister register && value.Kind == LoweredValueKind.Scalar:
                    IrValue resized = Resize(value.Value!, IsSigned(value.Type), register.Type);
                    f.Assign(register, resized);
                    return LoweredValue.Scalar(register, target.Type);
                case LoweredValueKind.Address when IsScalarType(target.Type!) && value.Kind == LoweredValueKind.Scalar:
                    IrValue stored = ScalarOf(value, target.Type!);
                    f.Store(target.Value!, target.Offset, stored, PrimitiveSize(target.Type!) * 8);
                    return LoweredValue.Scalar(stored, target.Type);
                case LoweredValueKind.NetworkOrder when value.Kind == LoweredValueKind.Scalar:
                {
                    IrValue host = ScalarOf(value, target.Type!);
                    IrValue network = host.Type.Width > 8 ? f.Unary(UnaryOperation.ByteSwap, Materialized(host)) : host;
                    f.Store(target.Value!, target.Offset, network, PrimitiveSize(target.Type!) * 8);
                    HeaderSetterSideEffects(target);
                    return LoweredValue.Scalar(host, target.Type);
                }

                case LoweredValueKind.Address when value.Kind == LoweredValueKind.Address || value.Kind == LoweredValueKind.Zero:
                    CopyInto(target, value, at.Syntax);
                    return target;
                case LoweredValueKind.MapValue when target.Value is VirtualRegister pointer && value.Kind == LoweredValueKind.MapValue:
                    f.Assign(pointer, value.Value!);
                    return target;
                case LoweredValueKind.PacketRef when target.Value is VirtualRegister pointer && value.Kind == LoweredValueKind.PacketRef:
                    f.Assign(pointer, value.Value!);
                    return target;
                default:
                    return Unsupported(at, "this assignment");
            }
        }

        private LoweredValue CompoundAssign(ICompoundAssignmentOperation compound)
        {
            if (compound.OperatorMethod != null)
            {
                return Unsupported(compound, "a user-defined operator");
            }

            LoweredValue target = LowerOperand(compound.Target);
            LoweredValue current = Read(target);
            LoweredValue right = LowerValue(compound.Value);
            if (current.Kind != LoweredValueKind.Scalar || right.Kind != LoweredValueKind.Scalar || compound.Target.Type is null)
            {
                return current.Kind == LoweredValueKind.None || right.Kind == LoweredValueKind.None ? LoweredValue.None : Unsupported(compound, "this compound assignment");
            }

            ITypeSymbol targetType = compound.Target.Type;
            ITypeSymbol operationType = compound.Value.Type is { } valueType && PrimitiveSize(valueType) > PrimitiveSize(targetType) &&
                compound.OperatorKind != BinaryOperatorKind.LeftShift && compound.OperatorKind != BinaryOperatorKind.RightShift && compound.OperatorKind != BinaryOperatorKind.UnsignedRightShift
                ? valueType
                : targetType;
            if (PrimitiveSize(operationType) < 4)
            {
                operationType = IsSigned(operationType) ? program.Compilation.GetSpecialType(SpecialType.System_Int32) : program.Compilation.GetSpecialType(SpecialType.System_Int32);
            }

            LoweredValue widened = LoweredValue.Scalar(ScalarOf(current, operationType), operationType);
            IrValue? value = Arithmetic(compound.OperatorKind, widened, right, operationType, compound);
            if (value is null)
            {
                return LoweredValue.None;
            }

            return Store(target, LoweredValue.Scalar(value, operationType), compound);
        }

        private LoweredValue Increment(IIncrementOrDecrementOperation increment)
        {
            LoweredValue target = LowerOperand(increment.Target);
            LoweredValue current = Read(target);
            if (current.Kind != LoweredValueKind.Scalar || increment.Target.Type is null || !IsScalarType(increment.Target.Type))
            {
                return current.Kind == LoweredValueKind.None ? current : Unsupported(increment, "this increment");
            }

            IrValue old = current.Value!;
            if (increment.IsPostfix && !(increment.Parent is IExpressionStatementOperation) && old is VirtualRegister)
            {
                old = f.Move(old);
            }

            IrType type = RegisterType(increment.Target.Type);
            IrType wideType = type.Width < 32 ? IrType.I32 : type;
            IrValue one = IrFunctionBuilder.Constant(wideType, 1);
            IrValue wideCurrent = Resize(current.Value!, false, wideType);
            IrValue updated = Resize(increment.Kind == OperationKind.Increment ? f.Add(wideCurrent, one) : f.Subtract(wideCurrent, one), false, type);
            LoweredValue stored = Store(target, LoweredValue.Scalar(updated, increment.Target.Type), increment);
            return increment.IsPostfix ? LoweredValue.Scalar(old, increment.Target.Type) : stored;
        }
    }
}

using Ebpf.Asm;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Backend
{
    /// <summary>Moves, arithmetic, conversions and compares into values.</summary>
    internal sealed partial class InstructionSelector
    {
        private void SelectMove(MoveInstruction move) => EmitValue(R(move.Destination!), move.Source);

        private void SelectBinary(BinaryInstruction binary)
        {
            Register destination = R(binary.Destination!);
            Register left = R(binary.Left);
            bool wide = binary.Destination!.Type.Width == 64;
            AluOperation operation = AluOperationOf(binary.Operation, out short offset);
            if (binary.Right is IrConstant constant)
            {
                Move(destination, left);
                Emit(InstructionFactory.AluImmediate(wide, operation, destination, unchecked((long)constant.Bits), offset));
                return;
            }

            Register right = R(binary.Right);
            if (destination != left && binary.IsCommutative && destination == right)
            {
                Emit(InstructionFactory.Alu(wide, operation, destination, left, offset));
                return;
            }

            Move(destination, left);
            Emit(InstructionFactory.Alu(wide, operation, destination, right, offset));
        }

        private static AluOperation AluOperationOf(BinaryOperation operation, out short offset)
        {
            offset = 0;
            switch (operation)
            {
                case BinaryOperation.Add: return AluOperation.Add;
                case BinaryOperation.Subtract: return AluOperation.Sub;
                case BinaryOperation.Multiply: return AluOperation.Mul;
                case BinaryOperation.DivideUnsigned: return AluOperation.Div;
                case BinaryOperation.DivideSigned: offset = 1; return AluOperation.Div;
                case BinaryOperation.RemainderUnsigned: return AluOperation.Mod;
                case BinaryOperation.RemainderSigned: offset = 1; return AluOperation.Mod;
                case BinaryOperation.And: return AluOperation.And;
                case BinaryOperation.Or: return AluOperation.Or;
                case BinaryOperation.Xor: return AluOperation.Xor;
                case BinaryOperation.ShiftLeft: return AluOperation.Lsh;
                case BinaryOperation.ShiftRightUnsigned: return AluOperation.Rsh;
                default: return AluOperation.Arsh;
            }
        }

        private void SelectUnary(UnaryInstruction unary)
        {
            Register destination = R(unary.Destination!);
            int width = unary.Destination!.Type.Width;
            Move(destination, R(unary.Operand));
            switch (unary.Operation)
            {
                case UnaryOperation.Negate:
                    Emit(InstructionFactory.AluImmediate(width == 64, AluOperation.Neg, destination, 0));
                    break;
                case UnaryOperation.Not:
                    Emit(InstructionFactory.AluImmediate(width == 64, AluOperation.Xor, destination, -1));
                    break;
                default:
                    Emit(InstructionFactory.ToBigEndian(destination, width));
                    break;
            }
        }

        private void SelectConvert(ConvertInstruction convert)
        {
            Register destination = R(convert.Destination!);
            Register source = R(convert.Operand);
            int from = convert.Operand.Type.Width;
            int to = convert.Destination!.Type.Width;
            switch (convert.Kind)
            {
                case ConversionKind.Truncate when to == 32:
                    Emit(InstructionFactory.Alu(false, AluOperation.Mov, destination, source));
                    break;
                case ConversionKind.Truncate:
                    Move(destination, source);
                    Emit(InstructionFactory.AluImmediate(false, AluOperation.And, destination, (long)IrArithmetic.Mask(to)));
                    break;
                case ConversionKind.SignExtend:
                    EmitSignExtension(destination, source, from, to);
                    break;
                default:
                    Move(destination, source);
                    break;
            }
        }

        /// <summary>Sign-extends the low <paramref name="from"/> bits of <paramref name="source"/> to a <paramref name="to"/>-bit value.</summary>
        private void EmitSignExtension(Register destination, Register source, int from, int to)
        {
            if (options.Cpu >= CpuVersion.V4)
            {
                Emit(InstructionFactory.Alu(to == 64, AluOperation.Mov, destination, source, (short)from));
                return;
            }

            Move(destination, source);
            int shift = to - from;
            Emit(InstructionFactory.AluImmediate(to == 64, AluOperation.Lsh, destination, shift));
            Emit(InstructionFactory.AluImmediate(to == 64, AluOperation.Arsh, destination, shift));
        }

        /// <summary><c>d = 1; if a cc b goto +1; d = 0</c>; the allocator keeps d apart from a and b.</summary>
        private void SelectCompare(CompareInstruction compare)
        {
            Register destination = R(compare.Destination!);
            Emit(InstructionFactory.AluImmediate(true, AluOperation.Mov, destination, 1));
            Emit(ConditionalJump(compare.Condition, compare.Left, compare.Right).WithOffset(1));
            Emit(InstructionFactory.AluImmediate(true, AluOperation.Mov, destination, 0));
        }
    }
}

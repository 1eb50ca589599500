using System.Collections.Generic;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Passes
{
    /// <summary>
    /// Replaces reads of registers known to hold a constant by the constant (everywhere for registers assigned
    /// once, within the block otherwise), evaluates operations on constants with the kernel's semantics
    /// (<see cref="IrArithmetic"/>: wrap-around, x / 0 = 0, x % 0 = x — where C# would throw, the DSL defines
    /// the kernel's result), applies identities (x + 0, x * 1, x &amp; 0, …), masks constant shift counts, and puts
    /// constants second in commutative operations and compares so the backend can use immediates.
    /// </summary>
    public sealed class ConstantFolding : IrPass
    {
        /// <inheritdoc />
        public override string Name => "constant-folding";

        /// <inheritdoc />
        public override bool Run(IrFunction function)
        {
            bool changed = false;
            bool again = true;
            while (again)
            {
                again = false;
                Dictionary<VirtualRegister, IrConstant> global = SingleConstants(function);
                foreach (BasicBlock block in function.Blocks)
                {
                    var local = new Dictionary<VirtualRegister, IrConstant>();
                    for (int i = 0; i < block.Instructions.Count; i++)
                    {
                        IrInstruction instruction = block.Instructions[i];
                        for (int k = 0; k < instruction.Operands.Count; k++)
                        {
                            if (instruction.Operands[k] is VirtualRegister register &&
                                (local.TryGetValue(register, out IrConstant? known) || global.TryGetValue(register, out known)))
                            {
                                instruction.ReplaceOperand(k, known);
                                again = true;
                            }
                        }

                        IrInstruction? folded = Fold(instruction);
                        if (folded is not null)
                        {
                            folded.Location = instruction.Location;
                            block.Instructions[i] = folded;
                            instruction = folded;
                            again = true;
                        }

                        if (instruction.Destination is VirtualRegister destination)
                        {
                            local.Remove(destination);
                            if (instruction is MoveInstruction { Source: IrConstant constant })
                            {
                                local[destination] = constant;
                            }
                        }
                    }
                }

                changed |= again;
            }

            return changed;
        }

        private static Dictionary<VirtualRegister, IrConstant> SingleConstants(IrFunction function)
        {
            var counts = new DefinitionCounts(function);
            var constants = new Dictionary<VirtualRegister, IrConstant>();
            foreach (BasicBlock block in function.Blocks)
            {
                foreach (IrInstruction instruction in block.Instructions)
                {
                    if (instruction is MoveInstruction { Source: IrConstant constant } move && counts.IsSingle(move.Destination!))
                    {
                        constants[move.Destination!] = constant;
                    }
                }
            }

            return constants;
        }

        private static IrInstruction? Fold(IrInstruction instruction)
        {
            switch (instruction)
            {
                case BinaryInstruction binary:
                    return FoldBinary(binary);
                case UnaryInstruction { Operand: IrConstant operand } unary:
                    return new MoveInstruction(unary.Destination!, new IrConstant(operand.Type, (long)IrArithmetic.Unary(unary.Operation, operand.Type.Width, operand.Bits)));
                case ConvertInstruction { Operand: IrConstant operand } convert when convert.Destination!.Type.IsScalar:
                    IrType to = convert.Destination.Type;
                    return new MoveInstruction(convert.Destination, new IrConstant(to, (long)IrArithmetic.Convert(convert.Kind, operand.Type.Width, to.Width, operand.Bits)));
                case CompareInstruction { Left: IrConstant left, Right: IrConstant right } compare:
                    bool holds = ConditionFacts.Evaluate(compare.Condition, left.Bits, right.Bits, left.Type.Width);
                    return new MoveInstruction(compare.Destination!, new IrConstant(compare.Destination!.Type, holds ? 1 : 0));
                case CompareInstruction { Left: IrConstant } compare:
                    return new CompareInstruction(ConditionFacts.Swap(compare.Condition), compare.Destination!, compare.Right, compare.Left);
                case BranchInstruction { Left: IrConstant, Right: VirtualRegister } branch:
                    return new BranchInstruction(ConditionFacts.Swap(branch.Condition), branch.Right, branch.Left, branch.IfTrue, branch.IfFalse);
                default:
                    return null;
            }
        }

        private static IrInstruction? FoldBinary(BinaryInstruction binary)
        {
            VirtualRegister destination = binary.Destination!;
            IrType type = destination.Type;
            if (binary.Left is IrConstant left && binary.Right is IrConstant right)
            {
                return new MoveInstruction(destination, new IrConstant(type, (long)IrArithmetic.Binary(binary.Operation, type.Width, left.Bits, right.Bits)));
            }

            if (binary.Left is IrConstant constantLeft)
            {
                if (binary.IsCommutative)
                {
                    return new BinaryInstruction(binary.Operation, destination, binary.Right, binary.Left);
                }

                return binary.Operation == BinaryOperation.Subtract && constantLeft.Bits == 0 && type.IsScalar
                    ? new UnaryInstruction(UnaryOperation.Negate, destination, binary.Right)
                    : null;
            }

            if (binary.Right is not IrConstant constant || binary.Left.Type.IsPointer && binary.Right.Type.IsPointer)
            {
                return null;
            }

            ulong value = constant.Bits;
            IrInstruction keepLeft = new MoveInstruction(destination, binary.Left);
            IrInstruction zero = new MoveInstruction(destination, new IrConstant(type.IsScalar ? type : IrType.I64, 0));
            switch (binary.Operation)
            {
                case BinaryOperation.Add:
                case BinaryOperation.Subtract:
                case BinaryOperation.Or:
                case BinaryOperation.Xor:
                    return value == 0 ? keepLeft : null;
                case BinaryOperation.ShiftLeft:
                case BinaryOperation.ShiftRightUnsigned:
                case BinaryOperation.ShiftRightSigned:
                    ulong masked = value & (ulong)(type.Width - 1);
                    if (masked == 0)
                    {
                        return keepLeft;
                    }

                    return masked != value ? new BinaryInstruction(binary.Operation, destination, binary.Left, new IrConstant(constant.Type, (long)masked)) : null;
                case BinaryOperation.Multiply:
                    return value == 1 ? keepLeft : value == 0 ? zero : null;
                case BinaryOperation.DivideUnsigned:
                case BinaryOperation.DivideSigned:
                    return value == 1 ? keepLeft : value == 0 ? zero : null;
                case BinaryOperation.RemainderUnsigned:
                case BinaryOperation.RemainderSigned:
                    return value == 0 ? keepLeft : value == 1 ? zero : null;
                case BinaryOperation.And:
                    return value == 0 ? zero : value == type.Mask ? keepLeft : null;
                default:
                    return null;
            }
        }
    }
}

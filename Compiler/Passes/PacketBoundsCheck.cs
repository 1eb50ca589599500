using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Passes
{
    /// <summary>
    /// A block's terminator read as "is data + <see cref="Length"/> ≤ data_end": which registers, how many bytes,
    /// where control goes when it holds and when it does not.
    /// </summary>
    internal sealed class PacketBoundsCheck
    {
        private PacketBoundsCheck(BranchInstruction branch, int pointerOperand, VirtualRegister data, long length, VirtualRegister end, BasicBlock inBounds, BasicBlock outOfBounds)
        {
            Branch = branch;
            PointerOperand = pointerOperand;
            Data = data;
            Length = length;
            End = end;
            InBounds = inBounds;
            OutOfBounds = outOfBounds;
        }

        public BranchInstruction Branch { get; }

        /// <summary>Which operand of the branch is data + length (0 or 1).</summary>
        public int PointerOperand { get; }

        public VirtualRegister Data { get; }

        public long Length { get; }

        public VirtualRegister End { get; }

        public BasicBlock InBounds { get; }

        public BasicBlock OutOfBounds { get; }

        /// <summary>Recognises <c>p = add data, N</c> (assigned once) and <c>br ugt p, end</c> and its mirror forms.</summary>
        public static PacketBoundsCheck? Match(BasicBlock block, DefinitionCounts counts)
        {
            if (block.Terminator is not BranchInstruction branch)
            {
                return null;
            }

            // (condition with the pointer on the left) → true edge is out of bounds?
            bool pointerLeft = branch.Right.Type.Pointer == PointerKind.PacketEnd;
            bool pointerRight = branch.Left.Type.Pointer == PointerKind.PacketEnd;
            if (pointerLeft == pointerRight)
            {
                return null;
            }

            Condition condition = pointerLeft ? branch.Condition : ConditionFacts.Swap(branch.Condition);
            bool trueIsOut;
            if (condition == Condition.UnsignedGreater)
            {
                trueIsOut = true;
            }
            else if (condition == Condition.UnsignedLessOrEqual)
            {
                trueIsOut = false;
            }
            else
            {
                return null;
            }

            int pointerOperand = pointerLeft ? 0 : 1;
            if (branch.Operands[pointerOperand] is not VirtualRegister pointer || branch.Operands[1 - pointerOperand] is not VirtualRegister end ||
                !counts.IsSingle(end) ||
                counts.SingleDefinition(pointer) is not BinaryInstruction { Operation: BinaryOperation.Add, Left: VirtualRegister data, Right: IrConstant length } ||
                data.Type.Pointer != PointerKind.Packet || !counts.IsSingle(data) || length.Signed < 0)
            {
                return null;
            }

            return new PacketBoundsCheck(branch, pointerOperand, data, length.Signed, end,
                trueIsOut ? branch.IfFalse : branch.IfTrue, trueIsOut ? branch.IfTrue : branch.IfFalse);
        }
    }
}

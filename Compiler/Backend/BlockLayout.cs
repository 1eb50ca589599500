using System.Collections.Generic;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Backend
{
    /// <summary>
    /// Orders blocks for emission so that jumps fall through: after a block comes its jump target, or its
    /// branch's false edge (so the conditional jump goes to the true edge), when not yet placed.
    /// </summary>
    internal static class BlockLayout
    {
        public static List<BasicBlock> Order(IrFunction function)
        {
            List<BasicBlock> reversePostorder = ControlFlow.ReversePostorder(function);
            var placed = new HashSet<BasicBlock>();
            var order = new List<BasicBlock>();
            foreach (BasicBlock start in reversePostorder)
            {
                BasicBlock? current = start;
                while (current is not null && placed.Add(current))
                {
                    order.Add(current);
                    current = Preferred(current, placed);
                }
            }

            return order;
        }

        private static BasicBlock? Preferred(BasicBlock block, HashSet<BasicBlock> placed)
        {
            switch (block.Terminator)
            {
                case JumpInstruction jump:
                    return placed.Contains(jump.Target) ? null : jump.Target;
                case BranchInstruction branch:
                    if (!placed.Contains(branch.IfFalse))
                    {
                        return branch.IfFalse;
                    }

                    return placed.Contains(branch.IfTrue) ? null : branch.IfTrue;
                default:
                    return null;
            }
        }
    }
}

using System.Collections.Generic;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Passes
{
    /// <summary>
    /// Simplifies control flow: a branch on constants or to one target becomes a jump; a branch on
    /// <c>cmp.cc a, b</c> against 0 in the same block becomes <c>br.cc a, b</c>; jumps to blocks that only jump on
    /// are threaded to the final target; a jump to a lone return becomes the return; a block is merged into its only
    /// predecessor when that one jumps to it;
    /// unreachable blocks go.
    /// </summary>
    public sealed partial class BranchSimplification : IrPass
    {
        /// <inheritdoc />
        public override string Name => "branch-simplification";

        /// <inheritdoc />
        public override bool Run(IrFunction function)
        {
            bool changed = false;
            bool again = true;
            while (again)
            {
                again = FoldBranches(function);
                again |= ThreadJumps(function);
                again |= DuplicateReturns(function);
                again |= MergeBlocks(function);
                again |= ControlFlow.RemoveUnreachable(function);
                changed |= again;
            }

            return changed;
        }

        private static bool FoldBranches(IrFunction function)
        {
            bool changed = false;
            foreach (BasicBlock block in function.Blocks)
            {
                if (block.Terminator is not BranchInstruction branch)
                {
                    continue;
                }

                IrInstruction? replacement = null;
                if (branch.IfTrue == branch.IfFalse)
                {
                    replacement = new JumpInstruction(branch.IfTrue);
                }
                else if (branch.Left is IrConstant left && branch.Right is IrConstant right)
                {
                    bool holds = ConditionFacts.Evaluate(branch.Condition, left.Bits, right.Bits, left.Type.Width);
                    replacement = new JumpInstruction(holds ? branch.IfTrue : branch.IfFalse);
                }
                else
                {
                    replacement = FuseCompare(block, branch);
                }

                if (replacement is not null)
                {
                    replacement.Location = branch.Location;
                    block.Instructions[block.Instructions.Count - 1] = replacement;
                    changed = true;
                }
            }

            return changed;
        }

        /// <summary><c>%c = cmp.cc a, b … br ne %c, 0, T, F</c> → <c>br cc a, b, T, F</c> when a and b are unchanged in between.</summary>
        private static BranchInstruction? FuseCompare(BasicBlock block, BranchInstruction branch)
        {
            if (branch.Left is not VirtualRegister flag || branch.Right is not IrConstant { Bits: 0 } ||
                (branch.Condition != Condition.NotEqual && branch.Condition != Condition.Equal))
            {
                return null;
            }

            for (int i = block.Instructions.Count - 2; i >= 0; i--)
            {
                IrInstruction instruction = block.Instructions[i];
                if (instruction.Destination != flag)
                {
                    continue;
                }

                if (instruction is not CompareInstruction compare || Redefined(block, i + 1, compare.Left) || Redefined(block, i + 1, compare.Right))
                {
                    return null;
                }

                if (branch.Condition == Condition.NotEqual)
                {
                    return new BranchInstruction(compare.Condition, compare.Left, compare.Right, branch.IfTrue, branch.IfFalse);
                }

                return new BranchInstruction(compare.Condition, compare.Left, compare.Right, branch.IfFalse, branch.IfTrue);
            }

            return null;
        }

        private static bool Redefined(BasicBlock block, int from, IrValue value)
        {
            for (int i = from; i < block.Instructions.Count; i++)
            {
                if (block.Instructions[i].Destination == value)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

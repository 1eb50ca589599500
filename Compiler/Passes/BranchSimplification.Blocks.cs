using System.Collections.Generic;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Passes
{
    /// <summary>Jump threading, return duplication and block merging.</summary>
    public sealed partial class BranchSimplification
    {
        private static bool ThreadJumps(IrFunction function)
        {
            bool changed = false;
            foreach (BasicBlock block in function.Blocks)
            {
                IrInstruction? terminator = block.Terminator;
                if (terminator is null)
                {
                    continue;
                }

                foreach (BasicBlock successor in new List<BasicBlock>(terminator.Successors))
                {
                    BasicBlock final = FinalTarget(successor);
                    if (final != successor)
                    {
                        terminator.ReplaceSuccessor(successor, final);
                        changed = true;
                    }
                }
            }

            return changed;
        }

        /// <summary>Follows blocks that hold nothing but a jump (stopping at cycles).</summary>
        private static BasicBlock FinalTarget(BasicBlock block)
        {
            var seen = new HashSet<BasicBlock>();
            BasicBlock current = block;
            while (seen.Add(current) && current.Instructions.Count == 1 && current.Instructions[0] is JumpInstruction jump && !seen.Contains(jump.Target))
            {
                current = jump.Target;
            }

            return current;
        }

        /// <summary>
        /// A jump to a block that holds nothing but a return becomes that return (one exit per path, as clang lays
        /// out verdicts: <c>r0 = 1; exit</c> instead of <c>r0 = 1; goto exit</c>): the same size, one taken jump fewer
        /// per run and per verified path.
        /// </summary>
        private static bool DuplicateReturns(IrFunction function)
        {
            bool changed = false;
            foreach (BasicBlock block in function.Blocks)
            {
                if (block.Terminator is JumpInstruction jump && jump.Target != block &&
                    jump.Target.Instructions.Count == 1 && jump.Target.Instructions[0] is ReturnInstruction exit)
                {
                    block.Instructions[block.Instructions.Count - 1] = new ReturnInstruction(exit.Value) { Location = exit.Location };
                    changed = true;
                }
            }

            return changed;
        }

        private static bool MergeBlocks(IrFunction function)
        {
            bool changed = false;
            bool again = true;
            while (again)
            {
                again = false;
                Dictionary<BasicBlock, List<BasicBlock>> predecessors = function.Predecessors();
                foreach (BasicBlock block in function.Blocks)
                {
                    if (block.Terminator is not JumpInstruction jump)
                    {
                        continue;
                    }

                    BasicBlock next = jump.Target;
                    if (next == block || next == function.Entry || predecessors[next].Count != 1)
                    {
                        continue;
                    }

                    block.Instructions.RemoveAt(block.Instructions.Count - 1);
                    block.Instructions.AddRange(next.Instructions);
                    next.Instructions.Clear();
                    function.Blocks.Remove(next);
                    again = true;
                    changed = true;
                    break;
                }
            }

            return changed;
        }
    }
}

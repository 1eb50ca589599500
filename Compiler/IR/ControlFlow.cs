using System.Collections.Generic;

namespace Ebpf.Compiler.IR
{
    /// <summary>Orders and reachability of a function's blocks.</summary>
    public static class ControlFlow
    {
        /// <summary>Blocks reachable from the entry in reverse postorder (a block before its successors, loops aside).</summary>
        public static List<BasicBlock> ReversePostorder(IrFunction function)
        {
            var visited = new HashSet<BasicBlock>();
            var postorder = new List<BasicBlock>();
            var stack = new Stack<(BasicBlock Block, int Next)>();
            visited.Add(function.Entry);
            stack.Push((function.Entry, 0));
            while (stack.Count > 0)
            {
                (BasicBlock block, int next) = stack.Pop();
                IReadOnlyList<BasicBlock> successors = block.Successors;
                if (next < successors.Count)
                {
                    stack.Push((block, next + 1));
                    BasicBlock successor = successors[next];
                    if (visited.Add(successor))
                    {
                        stack.Push((successor, 0));
                    }
                }
                else
                {
                    postorder.Add(block);
                }
            }

            postorder.Reverse();
            return postorder;
        }

        /// <summary>Removes blocks that cannot be reached from the entry; returns true when any was removed.</summary>
        public static bool RemoveUnreachable(IrFunction function)
        {
            var reachable = new HashSet<BasicBlock>(ReversePostorder(function));
            return function.Blocks.RemoveAll(b => !reachable.Contains(b)) > 0;
        }
    }
}

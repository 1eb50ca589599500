using System;
using System.Collections.Generic;
using Ebpf.Compiler.IR;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>
    /// EBPF4003: every loop of the lowered IR (a back edge found by depth-first search) must leave through a branch that
    /// compares an induction register with a constant or with a register the loop does not assign, in the direction in
    /// which the induction's steps make the loop end.
    /// </summary>
    /// <remarks>
    /// An induction register is assigned in the loop only from itself through <c>add</c>/<c>sub</c> of non-zero constants
    /// (and <c>mov</c>, <c>zext</c>, <c>sext</c>, <c>trunc</c> between them), all steps of one sign. An exit test
    /// terminates when, on the edge that stays in the loop, it reads <c>i &lt; N</c> or <c>i &lt;= N</c> for a growing
    /// i, <c>i &gt; N</c> or <c>i &gt;= N</c> for a shrinking i, or <c>i != N</c> for a step of exactly 1 or −1 from
    /// a constant start on the near side of a constant N.
    /// Runs after unreachable blocks are removed, like <see cref="DivisionGuardCheck"/>.
    /// </remarks>
    internal static class LoopBoundCheck
    {
        /// <summary>Reports, once per loop header, the loop statement (found from <paramref name="blockSyntax"/>) of each loop without a terminating exit test.</summary>
        public static void Check(IrFunction function, IReadOnlyDictionary<BasicBlock, SyntaxNode> blockSyntax, Action<SyntaxNode?> report)
        {
            if (function.Blocks.Count == 0)
            {
                return;
            }

            Dictionary<BasicBlock, List<BasicBlock>> predecessors = Predecessors(function);
            foreach (KeyValuePair<BasicBlock, List<BasicBlock>> loop in BackEdges(function))
            {
                HashSet<BasicBlock> body = NaturalLoop(loop.Key, loop.Value, predecessors);
                if (!HasTerminatingExit(loop.Key, body, predecessors))
                {
                    report(LoopStatement(loop.Key, body, blockSyntax));
                }
            }
        }

        /// <summary>Loop headers with the blocks that jump back to them, in the order a depth-first search meets them.</summary>
        private static List<KeyValuePair<BasicBlock, List<BasicBlock>>> BackEdges(IrFunction function)
        {
            var found = new List<KeyValuePair<BasicBlock, List<BasicBlock>>>();
            var onStack = new HashSet<BasicBlock>();
            var visited = new HashSet<BasicBlock>();
            var stack = new Stack<(BasicBlock Block, int Next)>();
            stack.Push((function.Entry, 0));
            visited.Add(function.Entry);
            onStack.Add(function.Entry);
            while (stack.Count > 0)
            {
                (BasicBlock block, int next) = stack.Pop();
                IReadOnlyList<BasicBlock> successors = block.Successors;
                if (next >= successors.Count)
                {
                    onStack.Remove(block);
                    continue;
                }

                stack.Push((block, next + 1));
                BasicBlock successor = successors[next];
                if (onStack.Contains(successor))
                {
                    int index = found.FindIndex(pair => pair.Key == successor);
                    if (index < 0)
                    {
                        found.Add(new KeyValuePair<BasicBlock, List<BasicBlock>>(successor, new List<BasicBlock>()));
                        index = found.Count - 1;
                    }

                    found[index].Value.Add(block);
                }
                else if (visited.Add(successor))
                {
                    onStack.Add(successor);
                    stack.Push((successor, 0));
                }
            }

            return found;
        }

        private static Dictionary<BasicBlock, List<BasicBlock>> Predecessors(IrFunction function)
        {
            var predecessors = new Dictionary<BasicBlock, List<BasicBlock>>();
            foreach (BasicBlock block in function.Blocks)
            {
                foreach (BasicBlock successor in block.Successors)
                {
                    if (!predecessors.TryGetValue(successor, out List<BasicBlock>? list))
                    {
                        predecessors[successor] = list = new List<BasicBlock>();
                    }

                    list.Add(block);
                }
            }

            return predecessors;
        }

        /// <summary>The header and every block that reaches a latch without passing the header.</summary>
        private static HashSet<BasicBlock> NaturalLoop(BasicBlock header, List<BasicBlock> latches, Dictionary<BasicBlock, List<BasicBlock>> predecessors)
        {
            var body = new HashSet<BasicBlock> { header };
            var work = new Stack<BasicBlock>();
            foreach (BasicBlock latch in latches)
            {
                if (body.Add(latch))
                {
                    work.Push(latch);
                }
            }

            while (work.Count > 0)
            {
                BasicBlock block = work.Pop();
                if (predecessors.TryGetValue(block, out List<BasicBlock>? list))
                {
                    foreach (BasicBlock predecessor in list)
                    {
                        if (body.Add(predecessor))
                        {
                            work.Push(predecessor);
                        }
                    }
                }
            }

            return body;
        }

        private static bool HasTerminatingExit(BasicBlock header, HashSet<BasicBlock> body, Dictionary<BasicBlock, List<BasicBlock>> predecessors)
        {
            var definitions = new Dictionary<VirtualRegister, List<IrInstruction>>();
            foreach (BasicBlock block in body)
            {
                foreach (IrInstruction instruction in block.Instructions)
                {
                    if (instruction.Destination is VirtualRegister destination)
                    {
                        if (!definitions.TryGetValue(destination, out List<IrInstruction>? list))
                        {
                            definitions[destination] = list = new List<IrInstruction>();
                        }

                        list.Add(instruction);
                    }
                }
            }

            var induction = new InductionFinder(definitions);
            foreach (BasicBlock block in body)
            {
                if (block.Terminator is not BranchInstruction branch || body.Contains(branch.IfTrue) == body.Contains(branch.IfFalse))
                {
                    continue;
                }

                Condition? stay = body.Contains(branch.IfTrue) ? branch.Condition : ConditionFacts.Negate(branch.Condition);
                if (stay is Condition condition &&
                    (Terminates(induction, condition, branch.Left, branch.Right, counter => StartOf(counter, header, body, predecessors)) ||
                     Terminates(induction, ConditionFacts.Swap(condition), branch.Right, branch.Left, counter => StartOf(counter, header, body, predecessors))))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether staying in the loop while <c>counter condition limit</c> holds must end.</summary>
        private static bool Terminates(InductionFinder induction, Condition stay, IrValue counter, IrValue limit, Func<VirtualRegister, List<IrConstant>?> startOf)
        {
            if (!induction.IsInvariant(limit) || induction.StepOf(counter, out VirtualRegister? register) is not long step)
            {
                return false;
            }

            if (limit is IrConstant constant)
            {
                ulong mask = constant.Type.Width == 64 ? ulong.MaxValue : (1UL << constant.Type.Width) - 1;
                if ((stay == Condition.UnsignedGreaterOrEqual && (constant.Bits & mask) == 0) ||
                    (stay == Condition.UnsignedLessOrEqual && (constant.Bits & mask) == mask))
                {
                    return false; // always true: the loop never leaves through this test
                }
            }

            switch (stay)
            {
                case Condition.UnsignedLess:
                case Condition.UnsignedLessOrEqual:
                case Condition.SignedLess:
                case Condition.SignedLessOrEqual:
                    return step > 0;
                case Condition.UnsignedGreater:
                case Condition.UnsignedGreaterOrEqual:
                case Condition.SignedGreater:
                case Condition.SignedGreaterOrEqual:
                    return step < 0;
                case Condition.NotEqual:
                    // i != N meets N only when it steps by one from a constant start on the near side of a constant N.
                    return (step == 1 || step == -1) && limit is IrConstant end && register is not null && startOf(register) is List<IrConstant> starts &&
                        starts.TrueForAll(start => step == 1 ? start.Signed <= end.Signed : start.Signed >= end.Signed);
                default:
                    return false;
            }
        }

        /// <summary>
        /// The constants <paramref name="counter"/> may hold on entering the loop: the last assignment before the header on each
        /// path in from outside (walking back through predecessors, never into the loop); null when one is not a constant.
        /// </summary>
        private static List<IrConstant>? StartOf(VirtualRegister counter, BasicBlock header, HashSet<BasicBlock> body, Dictionary<BasicBlock, List<BasicBlock>> predecessors)
        {
            var seen = new HashSet<BasicBlock>(body);
            var starts = new List<IrConstant>();
            var work = new Stack<BasicBlock>();
            foreach (BasicBlock entry in predecessors[header])
            {
                if (seen.Add(entry))
                {
                    work.Push(entry);
                }
            }

            while (work.Count > 0)
            {
                BasicBlock block = work.Pop();
                IrInstruction? definition = null;
                for (int index = block.Instructions.Count - 1; index >= 0 && definition is null; index--)
                {
                    if (block.Instructions[index].Destination == counter)
                    {
                        definition = block.Instructions[index];
                    }
                }

                if (definition is not null)
                {
                    if (definition is not MoveInstruction { Source: IrConstant found })
                    {
                        return null;
                    }

                    starts.Add(found);
                    continue;
                }

                if (!predecessors.TryGetValue(block, out List<BasicBlock>? list) || list.Count == 0)
                {
                    return null; // the function's entry: no assignment on this path
                }

                foreach (BasicBlock predecessor in list)
                {
                    if (seen.Add(predecessor))
                    {
                        work.Push(predecessor);
                    }
                }
            }

            return starts;
        }

        /// <summary>The innermost <c>for</c>, <c>while</c>, <c>do</c> or <c>foreach</c> statement around the loop's C#; the header's syntax when none is found.</summary>
        private static SyntaxNode? LoopStatement(BasicBlock header, HashSet<BasicBlock> body, IReadOnlyDictionary<BasicBlock, SyntaxNode> blockSyntax)
        {
            if (!blockSyntax.TryGetValue(header, out SyntaxNode? headerSyntax))
            {
                foreach (BasicBlock block in body)
                {
                    if (blockSyntax.TryGetValue(block, out headerSyntax))
                    {
                        break;
                    }
                }
            }

            if (headerSyntax is null)
            {
                return null;
            }

            SyntaxNode? innermost = null;
            foreach (SyntaxNode ancestor in headerSyntax.AncestorsAndSelf())
            {
                if (ancestor is ForStatementSyntax || ancestor is WhileStatementSyntax || ancestor is DoStatementSyntax || ancestor is CommonForEachStatementSyntax)
                {
                    innermost ??= ancestor;
                    if (ContainsAll(ancestor, body, blockSyntax))
                    {
                        return ancestor;
                    }
                }
            }

            return innermost ?? headerSyntax;
        }

        private static bool ContainsAll(SyntaxNode statement, HashSet<BasicBlock> body, IReadOnlyDictionary<BasicBlock, SyntaxNode> blockSyntax)
        {
            foreach (BasicBlock block in body)
            {
                if (blockSyntax.TryGetValue(block, out SyntaxNode? syntax) && syntax.SyntaxTree == statement.SyntaxTree && !statement.Span.Contains(syntax.Span))
                {
                    return false;
                }
            }

            return true;
        }
    }
}

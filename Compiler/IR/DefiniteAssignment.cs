using System.Collections.Generic;
using System.Linq;

namespace Ebpf.Compiler.IR
{
    /// <summary>Forward must-analysis: which registers are assigned on every path to each reachable block.</summary>
    public static class DefiniteAssignment
    {
        /// <summary>Registers assigned on every path from the entry to the start of each reachable block.</summary>
        public static Dictionary<BasicBlock, HashSet<VirtualRegister>> DefinedOnEntry(IrFunction function)
        {
            List<BasicBlock> order = ControlFlow.ReversePostorder(function);
            Dictionary<BasicBlock, List<BasicBlock>> predecessors = function.Predecessors();
            var reachable = new HashSet<BasicBlock>(order);
            var outSets = new Dictionary<BasicBlock, HashSet<VirtualRegister>>();
            var inSets = new Dictionary<BasicBlock, HashSet<VirtualRegister>>();
            bool changed = true;
            while (changed)
            {
                changed = false;
                foreach (BasicBlock block in order)
                {
                    HashSet<VirtualRegister> entry;
                    if (block == function.Entry)
                    {
                        entry = new HashSet<VirtualRegister>(function.Parameters);
                    }
                    else
                    {
                        HashSet<VirtualRegister>? meet = null;
                        foreach (BasicBlock predecessor in predecessors[block].Where(reachable.Contains))
                        {
                            if (!outSets.TryGetValue(predecessor, out HashSet<VirtualRegister>? predecessorOut))
                            {
                                continue; // not yet computed: top, the identity of the meet
                            }

                            if (meet is null)
                            {
                                meet = new HashSet<VirtualRegister>(predecessorOut);
                            }
                            else
                            {
                                meet.IntersectWith(predecessorOut);
                            }
                        }

                        entry = meet ?? new HashSet<VirtualRegister>();
                    }

                    var exit = new HashSet<VirtualRegister>(entry);
                    foreach (IrInstruction instruction in block.Instructions)
                    {
                        if (instruction.Destination is VirtualRegister destination)
                        {
                            exit.Add(destination);
                        }
                    }

                    if (!outSets.TryGetValue(block, out HashSet<VirtualRegister>? previous) || !previous.SetEquals(exit))
                    {
                        outSets[block] = exit;
                        changed = true;
                    }

                    inSets[block] = entry;
                }
            }

            return inSets;
        }
    }
}

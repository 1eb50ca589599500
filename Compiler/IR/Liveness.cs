using System.Collections.Generic;

namespace Ebpf.Compiler.IR
{
    /// <summary>Backward may-analysis: which registers are read later, on some path, at each block's start and end.</summary>
    public sealed class Liveness
    {
        private Liveness(Dictionary<BasicBlock, HashSet<VirtualRegister>> liveIn, Dictionary<BasicBlock, HashSet<VirtualRegister>> liveOut)
        {
            LiveIn = liveIn;
            LiveOut = liveOut;
        }

        /// <summary>Registers live at the start of each block.</summary>
        public Dictionary<BasicBlock, HashSet<VirtualRegister>> LiveIn { get; }

        /// <summary>Registers live at the end of each block.</summary>
        public Dictionary<BasicBlock, HashSet<VirtualRegister>> LiveOut { get; }

        /// <summary>Computes liveness for every block of the function.</summary>
        public static Liveness Compute(IrFunction function)
        {
            var uses = new Dictionary<BasicBlock, HashSet<VirtualRegister>>();
            var defs = new Dictionary<BasicBlock, HashSet<VirtualRegister>>();
            var liveIn = new Dictionary<BasicBlock, HashSet<VirtualRegister>>();
            var liveOut = new Dictionary<BasicBlock, HashSet<VirtualRegister>>();
            foreach (BasicBlock block in function.Blocks)
            {
                var used = new HashSet<VirtualRegister>();
                var defined = new HashSet<VirtualRegister>();
                foreach (IrInstruction instruction in block.Instructions)
                {
                    foreach (IrValue operand in instruction.Operands)
                    {
                        if (operand is VirtualRegister register && !defined.Contains(register))
                        {
                            used.Add(register);
                        }
                    }

                    if (instruction.Destination is VirtualRegister destination)
                    {
                        defined.Add(destination);
                    }
                }

                uses[block] = used;
                defs[block] = defined;
                liveIn[block] = new HashSet<VirtualRegister>(used);
                liveOut[block] = new HashSet<VirtualRegister>();
            }

            bool changed = true;
            while (changed)
            {
                changed = false;
                for (int i = function.Blocks.Count - 1; i >= 0; i--)
                {
                    BasicBlock block = function.Blocks[i];
                    HashSet<VirtualRegister> output = liveOut[block];
                    foreach (BasicBlock successor in block.Successors)
                    {
                        if (liveIn.TryGetValue(successor, out HashSet<VirtualRegister>? successorIn))
                        {
                            output.UnionWith(successorIn);
                        }
                    }

                    HashSet<VirtualRegister> input = liveIn[block];
                    foreach (VirtualRegister register in output)
                    {
                        if (!defs[block].Contains(register) && input.Add(register))
                        {
                            changed = true;
                        }
                    }
                }
            }

            return new Liveness(liveIn, liveOut);
        }
    }
}

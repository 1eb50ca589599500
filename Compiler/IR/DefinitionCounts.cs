using System.Collections.Generic;

namespace Ebpf.Compiler.IR
{
    /// <summary>
    /// How often each register is assigned (parameters count once). A register assigned once is an SSA value:
    /// by definite assignment its one definition dominates every read.
    /// </summary>
    public sealed class DefinitionCounts
    {
        private readonly Dictionary<VirtualRegister, int> counts = new Dictionary<VirtualRegister, int>();
        private readonly Dictionary<VirtualRegister, IrInstruction> single = new Dictionary<VirtualRegister, IrInstruction>();

        /// <summary>Counts the assignments of every register of the function.</summary>
        public DefinitionCounts(IrFunction function)
        {
            foreach (VirtualRegister parameter in function.Parameters)
            {
                counts[parameter] = 1;
            }

            foreach (BasicBlock block in function.Blocks)
            {
                foreach (IrInstruction instruction in block.Instructions)
                {
                    if (instruction.Destination is VirtualRegister destination)
                    {
                        counts.TryGetValue(destination, out int count);
                        counts[destination] = count + 1;
                        single[destination] = instruction;
                    }
                }
            }
        }

        /// <summary>True when the register is assigned exactly once (or is a parameter never reassigned).</summary>
        public bool IsSingle(VirtualRegister register) => counts.TryGetValue(register, out int count) && count == 1;

        /// <summary>The one instruction that assigns the register, when <see cref="IsSingle"/> and it is not a parameter.</summary>
        public IrInstruction? SingleDefinition(VirtualRegister register) =>
            IsSingle(register) && single.TryGetValue(register, out IrInstruction? instruction) ? instruction : null;
    }
}

using System.Collections.Generic;
using Ebpf.Asm;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Backend
{
    /// <summary>The outcome of register allocation: a physical register per virtual one, and the block order it assumed.</summary>
    internal sealed class RegisterAllocation
    {
        public RegisterAllocation(Dictionary<VirtualRegister, Register> registers, List<BasicBlock> order)
        {
            Registers = registers;
            Order = order;
        }

        public Dictionary<VirtualRegister, Register> Registers { get; }

        public List<BasicBlock> Order { get; }

        public Register this[VirtualRegister register] => Registers[register];
    }
}

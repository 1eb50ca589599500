using System.Collections.Generic;

namespace Ebpf.Compiler.IR
{
    /// <summary>Old-to-new registers, slots and blocks while a function is copied.</summary>
    internal sealed class IrCloneMap
    {
        public Dictionary<VirtualRegister, VirtualRegister> Registers { get; } = new Dictionary<VirtualRegister, VirtualRegister>();

        public Dictionary<StackSlot, StackSlot> Slots { get; } = new Dictionary<StackSlot, StackSlot>();

        public Dictionary<BasicBlock, BasicBlock> Blocks { get; } = new Dictionary<BasicBlock, BasicBlock>();

        public IrValue Map(IrValue value)
        {
            switch (value)
            {
                case VirtualRegister register: return Registers[register];
                case StackSlot slot: return Slots[slot];
                default: return value;
            }
        }

        public VirtualRegister? Map(VirtualRegister? register) => register is null ? null : Registers[register];

        public BasicBlock Map(BasicBlock block) => Blocks[block];
    }
}

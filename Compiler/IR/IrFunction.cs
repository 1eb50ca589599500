using System;
using System.Collections.Generic;
using System.Linq;

namespace Ebpf.Compiler.IR
{
    /// <summary>
    /// A function: parameters (at most five, arriving in r1–r5), an optional return type, blocks (the first is the
    /// entry), stack slots and the registers it owns.
    /// </summary>
    public sealed class IrFunction
    {
        private readonly List<VirtualRegister> registers = new List<VirtualRegister>();
        private readonly HashSet<string> names = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> slotNames = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> blockNames = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Creates an empty function.</summary>
        public IrFunction(string name, IrType? returnType)
        {
            Name = name;
            ReturnType = returnType;
        }

        /// <summary>The function's name (the program's name for the entry function).</summary>
        public string Name { get; }

        /// <summary>The type of the returned value; null for none.</summary>
        public IrType? ReturnType { get; }

        /// <summary>The parameters, in r1–r5 order.</summary>
        public List<VirtualRegister> Parameters { get; } = new List<VirtualRegister>();

        /// <summary>The blocks; the first is the entry.</summary>
        public List<BasicBlock> Blocks { get; } = new List<BasicBlock>();

        /// <summary>The stack allocations.</summary>
        public List<StackSlot> StackSlots { get; } = new List<StackSlot>();

        /// <summary>Every register created for this function.</summary>
        public IReadOnlyList<VirtualRegister> Registers => registers;

        /// <summary>The entry block.</summary>
        public BasicBlock Entry => Blocks[0];

        /// <summary>Where the function comes from, for diagnostics; null when unknown.</summary>
        public Ebpf.Asm.SourceLocation? Location { get; set; }

        /// <summary>Creates a register; the name is made unique (<c>x</c>, <c>x.1</c>, …), or numbered when null.</summary>
        public VirtualRegister NewRegister(IrType type, string? name = null)
        {
            string unique = Unique(names, name ?? registers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var register = new VirtualRegister(registers.Count, type, unique);
            registers.Add(register);
            return register;
        }

        /// <summary>Creates a parameter register and appends it to <see cref="Parameters"/>.</summary>
        public VirtualRegister AddParameter(IrType type, string? name = null)
        {
            VirtualRegister register = NewRegister(type, name);
            Parameters.Add(register);
            return register;
        }

        /// <summary>Creates a block and appends it to <see cref="Blocks"/>.</summary>
        public BasicBlock NewBlock(string? name = null)
        {
            var block = new BasicBlock(Unique(blockNames, name ?? "b" + Blocks.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Blocks.Add(block);
            return block;
        }

        /// <summary>Creates a stack slot of <paramref name="size"/> bytes.</summary>
        public StackSlot NewStackSlot(int size, int alignment = 8, string? name = null)
        {
            if (size <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(size), size, "a stack slot has at least one byte");
            }

            if (alignment != 1 && alignment != 2 && alignment != 4 && alignment != 8)
            {
                throw new ArgumentOutOfRangeException(nameof(alignment), alignment, "alignment must be 1, 2, 4 or 8");
            }

            var slot = new StackSlot(Unique(slotNames, name ?? "s" + StackSlots.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)), size, alignment);
            StackSlots.Add(slot);
            return slot;
        }

        /// <summary>Creates a register's 8-byte spill slot (<see cref="StackSlot.IsSpill"/>).</summary>
        public StackSlot NewSpillSlot(string name)
        {
            var slot = new StackSlot(Unique(slotNames, name), 8, 8, isSpill: true);
            StackSlots.Add(slot);
            return slot;
        }

        /// <summary>Predecessors of every block (blocks unreachable from the entry included).</summary>
        public Dictionary<BasicBlock, List<BasicBlock>> Predecessors()
        {
            var predecessors = Blocks.ToDictionary(b => b, _ => new List<BasicBlock>());
            foreach (BasicBlock block in Blocks)
            {
                foreach (BasicBlock successor in block.Successors)
                {
                    if (predecessors.TryGetValue(successor, out List<BasicBlock>? list) && !list.Contains(block))
                    {
                        list.Add(block);
                    }
                }
            }

            return predecessors;
        }

        /// <summary>A deep copy: new registers, slots, blocks and instructions with the same names.</summary>
        public IrFunction Clone()
        {
            var copy = new IrFunction(Name, ReturnType) { Location = Location };
            var map = new IrCloneMap();
            foreach (VirtualRegister register in registers)
            {
                map.Registers[register] = copy.NewRegister(register.Type, register.Name);
            }

            foreach (VirtualRegister parameter in Parameters)
            {
                copy.Parameters.Add(map.Registers[parameter]);
            }

            foreach (StackSlot slot in StackSlots)
            {
                map.Slots[slot] = slot.IsSpill ? copy.NewSpillSlot(slot.Name) : copy.NewStackSlot(slot.Size, slot.Alignment, slot.Name);
            }

            foreach (BasicBlock block in Blocks)
            {
                map.Blocks[block] = copy.NewBlock(block.Name);
            }

            foreach (BasicBlock block in Blocks)
            {
                foreach (IrInstruction instruction in block.Instructions)
                {
                    IrInstruction cloned = instruction.Clone(map);
                    cloned.Location = instruction.Location;
                    map.Blocks[block].Instructions.Add(cloned);
                }
            }

            return copy;
        }

        /// <inheritdoc />
        public override string ToString() => IrPrinter.Print(this);

        private static string Unique(HashSet<string> taken, string name)
        {
            string candidate = name;
            for (int i = 1; !taken.Add(candidate); i++)
            {
                candidate = name + "." + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return candidate;
        }
    }
}

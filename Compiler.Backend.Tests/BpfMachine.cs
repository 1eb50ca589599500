using System;
using System.Collections.Generic;
using Ebpf.Asm;

namespace Ebpf.Compiler.Backend.Tests
{
    /// <summary>
    /// A small eBPF interpreter for the instructions the backend emits, following the ISA document: ALU32 results
    /// zero-extended, kernel division semantics, r1–r5 poisoned after every helper call (so a value wrongly kept in
    /// a caller-saved register is caught), a fresh 512-byte frame per BPF-to-BPF call with r6–r9 preserved.
    /// </summary>
    internal sealed partial class BpfMachine
    {
        public const ulong StackBase = 0x1000_0000;
        public const ulong ContextBase = 0x2000_0000;
        private const int FrameSize = 512;
        private readonly ProgramImage image;
        private readonly byte[] stack = new byte[FrameSize * 9];
        private readonly int[] slotOfIndex;
        private readonly Dictionary<int, int> indexOfSlot = new Dictionary<int, int>();

        public BpfMachine(ProgramImage image, byte[]? context = null)
        {
            this.image = image;
            Context = context ?? new byte[64];
            slotOfIndex = new int[image.Instructions.Count];
            int slot = 0;
            for (int i = 0; i < image.Instructions.Count; i++)
            {
                slotOfIndex[i] = slot;
                indexOfSlot[slot] = i;
                slot += image.Instructions[i].Slots;
            }
        }

        public byte[] Context { get; }

        /// <summary>Helper id and r1–r5 to r0.</summary>
        public Func<int, ulong[], ulong> Helpers { get; set; } = (id, _) => throw new InvalidOperationException($"helper {id} not modelled");

        public int StepLimit { get; set; } = 1_000_000;

        public ulong Run(params ulong[] arguments)
        {
            var registers = new ulong[11];
            for (int i = 0; i < arguments.Length; i++)
            {
                registers[i + 1] = arguments[i];
            }

            int depth = 0;
            registers[10] = StackBase + FrameSize;
            var returns = new Stack<(int Index, ulong[] Saved)>();
            int pc = 0;
            for (int steps = 0; steps < StepLimit; steps++)
            {
                Instruction instruction = image.Instructions[pc];
                int next = pc + 1;
                switch (instruction.Class)
                {
                    case InstructionClass.Alu:
                    case InstructionClass.Alu64:
                        Alu(instruction, registers);
                        break;
                    case InstructionClass.Ldx:
                        registers[(int)instruction.Destination] = Load(instruction, registers[(int)instruction.Source] + (ulong)(long)instruction.Offset);
                        break;
                    case InstructionClass.St:
                        Store(instruction.MemorySize, registers[(int)instruction.Destination] + (ulong)(long)instruction.Offset, (ulong)instruction.Constant);
                        break;
                    case InstructionClass.Stx when instruction.MemoryMode == MemoryMode.Atomic:
                        Atomic(instruction, registers);
                        break;
                    case InstructionClass.Stx:
                        Store(instruction.MemorySize, registers[(int)instruction.Destination] + (ulong)(long)instruction.Offset, registers[(int)instruction.Source]);
                        break;
                    case InstructionClass.Ld:
                        registers[(int)instruction.Destination] = instruction.PseudoSource == PseudoSource.None
                            ? (ulong)instruction.Constant
                            : Symbol(pc);
                        break;
                    default:
                        if (instruction.IsExit)
                        {
                            if (returns.Count == 0)
                            {
                                return registers[0];
                            }

                            (int index, ulong[] saved) = returns.Pop();
                            Array.Copy(saved, 6, registers, 6, 5);
                            depth--;
                            next = index;
                        }
                        else if (instruction.IsCall && instruction.Source == (Register)CallKind.Local)
                        {
                            returns.Push((pc + 1, (ulong[])registers.Clone()));
                            depth++;
                            registers[10] = StackBase + (ulong)(FrameSize * (depth + 1));
                            next = indexOfSlot[slotOfIndex[pc] + 1 + instruction.Immediate];
                        }
                        else if (instruction.IsCall)
                        {
                            registers[0] = Helpers(instruction.Immediate, new[] { registers[1], registers[2], registers[3], registers[4], registers[5] });
                            for (int r = 1; r <= 5; r++)
                            {
                                registers[r] = 0xdead_0000_0000_0000UL + (ulong)r;
                            }
                        }
                        else if (Taken(instruction, registers))
                        {
                            next = indexOfSlot[slotOfIndex[pc] + 1 + instruction.Offset];
                        }

                        break;
                }

                pc = next;
            }

            throw new InvalidOperationException("step limit reached");
        }

        private ulong Symbol(int index)
        {
            foreach (Relocation relocation in image.Relocations)
            {
                if (relocation.InstructionIndex == index)
                {
                    return 0x3000_0000UL + (ulong)(relocation.Symbol.GetHashCode() & 0xffff) * 0x1000 + (ulong)relocation.Addend;
                }
            }

            throw new InvalidOperationException("LD_IMM64 with a pseudo source but no relocation");
        }

        private ulong Load(Instruction instruction, ulong address)
        {
            int size = Size(instruction.MemorySize);
            (byte[] memory, int offset) = Locate(address, size);
            ulong value = 0;
            for (int i = size - 1; i >= 0; i--)
            {
                value = (value << 8) | memory[offset + i];
            }

            if (instruction.MemoryMode == MemoryMode.MemorySignExtend)
            {
                int shift = 64 - 8 * size;
                value = (ulong)((long)(value << shift) >> shift);
            }

            return value;
        }

        private void Store(MemorySize memorySize, ulong address, ulong value)
        {
            int size = Size(memorySize);
            (byte[] memory, int offset) = Locate(address, size);
            for (int i = 0; i < size; i++)
            {
                memory[offset + i] = (byte)(value >> (8 * i));
            }
        }

        private (byte[] Memory, int Offset) Locate(ulong address, int size)
        {
            if (address >= StackBase && address + (ulong)size <= StackBase + (ulong)stack.Length)
            {
                return (stack, (int)(address - StackBase));
            }

            if (address >= ContextBase && address + (ulong)size <= ContextBase + (ulong)Context.Length)
            {
                return (Context, (int)(address - ContextBase));
            }

            throw new InvalidOperationException($"access of {size} bytes at 0x{address:x} is outside the stack and the context");
        }

        private static int Size(MemorySize size) => size switch
        {
            MemorySize.Byte => 1,
            MemorySize.Half => 2,
            MemorySize.Word => 4,
            _ => 8,
        };
    }
}

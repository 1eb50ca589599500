using System;
using Ebpf.Asm;

namespace Ebpf.Compiler.Backend.Tests
{
    /// <summary>BPF_ATOMIC as the ISA document describes it (single-threaded, so "atomic" is just read-modify-write).</summary>
    internal sealed partial class BpfMachine
    {
        private void Atomic(Instruction instruction, ulong[] registers)
        {
            int size = Size(instruction.MemorySize);
            ulong address = registers[(int)instruction.Destination] + (ulong)(long)instruction.Offset;
            (byte[] memory, int offset) = Locate(address, size);
            ulong old = 0;
            for (int i = size - 1; i >= 0; i--)
            {
                old = (old << 8) | memory[offset + i];
            }

            ulong mask = size == 8 ? ulong.MaxValue : 0xffff_ffffUL;
            ulong source = registers[(int)instruction.Source] & mask;
            var operation = (AtomicOperation)instruction.Immediate;
            ulong result = operation switch
            {
                AtomicOperation.Add or AtomicOperation.FetchAdd => old + source,
                AtomicOperation.Or or AtomicOperation.FetchOr => old | source,
                AtomicOperation.And or AtomicOperation.FetchAnd => old & source,
                AtomicOperation.Xor or AtomicOperation.FetchXor => old ^ source,
                AtomicOperation.Exchange => source,
                AtomicOperation.CompareExchange => old == (registers[0] & mask) ? source : old,
                _ => throw new InvalidOperationException($"atomic operation 0x{instruction.Immediate:x} not modelled"),
            };
            Store(instruction.MemorySize, address, result & mask);
            if (operation == AtomicOperation.CompareExchange)
            {
                registers[0] = old;
            }
            else if (((int)operation & 0x01) != 0)
            {
                registers[(int)instruction.Source] = old;
            }
        }
    }
}

using System.Collections.Generic;
using Ebpf.Asm;
using Ebpf.Compiler.IR;
using AsmAtomic = Ebpf.Asm.AtomicOperation;
using IrAtomic = Ebpf.Compiler.IR.AtomicOperation;

namespace Ebpf.Compiler.Backend
{
    /// <summary>Atomic read-modify-writes (BPF_STX | BPF_ATOMIC).</summary>
    internal sealed partial class InstructionSelector
    {
        /// <summary>
        /// <c>lock *(u64 *)(rA + off) += rV</c>; a fetch leaves the old value in rV, which legalization made the
        /// destination's register. Compare-exchange compares with r0 and leaves the old value there: its operands go
        /// to r1 (address), r2 (value), r0 (comparand) as a call's arguments do.
        /// </summary>
        private void SelectAtomic(AtomicInstruction atomic)
        {
            MemorySize size = atomic.Width == 64 ? MemorySize.DoubleWord : MemorySize.Word;
            if (atomic.Operation != IrAtomic.CompareExchange)
            {
                (Register address, short offset) = Address(atomic, atomic.Address, atomic.Offset);
                Emit(Ebpf.Asm.Emit.Atomic(size, AsmOperation(atomic), address, offset, R(atomic.Value)));
                return;
            }

            var moves = new List<(Register From, Register To)>();
            if (atomic.Address is VirtualRegister)
            {
                moves.Add((R(atomic.Address), Register.R1));
            }

            moves.Add((R(atomic.Value), Register.R2));
            if (atomic.Comparand is VirtualRegister comparand)
            {
                moves.Add((R(comparand), Register.R0));
            }

            ParallelMove.Emit(moves, new[] { Register.R3, Register.R4, Register.R5 }, Move);
            if (!(atomic.Comparand is VirtualRegister))
            {
                EmitValue(Register.R0, atomic.Comparand!);
            }

            Register baseRegister = atomic.Address is StackSlot ? Register.R10 : Register.R1;
            int total = atomic.Offset + (atomic.Address is StackSlot slot ? frame[slot] : 0);
            if (total < short.MinValue || total > short.MaxValue)
            {
                throw Unsupported(atomic, $"offset {total} does not fit in 16 bits");
            }

            Emit(Ebpf.Asm.Emit.Atomic(size, AsmAtomic.CompareExchange, baseRegister, (short)total, Register.R2));
            Move(R(atomic.Destination!), Register.R0);
        }

        private static AsmAtomic AsmOperation(AtomicInstruction atomic)
        {
            AsmAtomic operation;
            switch (atomic.Operation)
            {
                case IrAtomic.Add: operation = AsmAtomic.Add; break;
                case IrAtomic.Or: operation = AsmAtomic.Or; break;
                case IrAtomic.And: operation = AsmAtomic.And; break;
                case IrAtomic.Xor: operation = AsmAtomic.Xor; break;
                default: return AsmAtomic.Exchange;
            }

            return atomic.Fetches ? operation | AsmAtomic.FetchAdd : operation;
        }
    }
}

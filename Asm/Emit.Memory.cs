namespace Ebpf.Asm
{
    public static partial class Emit
    {
        /// <summary><c>dst = *(size *)(src + offset)</c> (LDX | MEM), zero-extending.</summary>
        public static Instruction Load(MemorySize size, Register destination, Register source, short offset) =>
            new Instruction(MemoryOpCode(MemoryMode.Memory, size, InstructionClass.Ldx), destination, source, offset, 0);

        /// <summary><c>dst = *(sN *)(src + offset)</c> (LDX | MEMSX), sign-extending; not for 8-byte loads.</summary>
        /// <remarks>Kernel: BPF_MEMSX (cpu v4), since 6.6.</remarks>
        public static Instruction LoadSignExtend(MemorySize size, Register destination, Register source, short offset) =>
            new Instruction(MemoryOpCode(MemoryMode.MemorySignExtend, size, InstructionClass.Ldx), destination, source, offset, 0);

        /// <summary><c>*(size *)(dst + offset) = src</c> (STX | MEM).</summary>
        public static Instruction Store(MemorySize size, Register destination, short offset, Register source) =>
            new Instruction(MemoryOpCode(MemoryMode.Memory, size, InstructionClass.Stx), destination, source, offset, 0);

        /// <summary><c>*(size *)(dst + offset) = imm</c> (ST | MEM).</summary>
        public static Instruction Store(MemorySize size, Register destination, short offset, int immediate) =>
            new Instruction(MemoryOpCode(MemoryMode.Memory, size, InstructionClass.St), destination, Register.R0, offset, immediate);

        /// <summary>An atomic read-modify-write of 4 or 8 bytes at <c>dst + offset</c> with <c>src</c> (STX | ATOMIC, operation in imm).</summary>
        /// <remarks>Kernel: BPF_ATOMIC; add since 4.x (as XADD), the others since 5.12.</remarks>
        public static Instruction Atomic(MemorySize size, AtomicOperation operation, Register destination, short offset, Register source) =>
            new Instruction(MemoryOpCode(MemoryMode.Atomic, size, InstructionClass.Stx), destination, source, offset, (int)operation);

        /// <summary><c>dst = *(u8 *)(src + offset)</c>.</summary>
        public static Instruction Load8(Register destination, Register source, short offset) => Load(MemorySize.Byte, destination, source, offset);

        /// <summary><c>dst = *(u16 *)(src + offset)</c>.</summary>
        public static Instruction Load16(Register destination, Register source, short offset) => Load(MemorySize.Half, destination, source, offset);

        /// <summary><c>dst = *(u32 *)(src + offset)</c>.</summary>
        public static Instruction Load32(Register destination, Register source, short offset) => Load(MemorySize.Word, destination, source, offset);

        /// <summary><c>dst = *(u64 *)(src + offset)</c>.</summary>
        public static Instruction Load64(Register destination, Register source, short offset) => Load(MemorySize.DoubleWord, destination, source, offset);

        /// <summary><c>dst = *(s8 *)(src + offset)</c>, sign-extending.</summary>
        /// <remarks>Kernel: BPF_MEMSX (cpu v4), since 6.6.</remarks>
        public static Instruction LoadSx8(Register destination, Register source, short offset) => LoadSignExtend(MemorySize.Byte, destination, source, offset);

        /// <summary><c>dst = *(s16 *)(src + offset)</c>, sign-extending.</summary>
        /// <remarks>Kernel: BPF_MEMSX (cpu v4), since 6.6.</remarks>
        public static Instruction LoadSx16(Register destination, Register source, short offset) => LoadSignExtend(MemorySize.Half, destination, source, offset);

        /// <summary><c>dst = *(s32 *)(src + offset)</c>, sign-extending.</summary>
        /// <remarks>Kernel: BPF_MEMSX (cpu v4), since 6.6.</remarks>
        public static Instruction LoadSx32(Register destination, Register source, short offset) => LoadSignExtend(MemorySize.Word, destination, source, offset);

        /// <summary><c>*(u8 *)(dst + offset) = src</c>.</summary>
        public static Instruction Store8(Register destination, short offset, Register source) => Store(MemorySize.Byte, destination, offset, source);

        /// <summary><c>*(u8 *)(dst + offset) = imm</c>.</summary>
        public static Instruction Store8(Register destination, short offset, int immediate) => Store(MemorySize.Byte, destination, offset, immediate);

        /// <summary><c>*(u16 *)(dst + offset) = src</c>.</summary>
        public static Instruction Store16(Register destination, short offset, Register source) => Store(MemorySize.Half, destination, offset, source);

        /// <summary><c>*(u16 *)(dst + offset) = imm</c>.</summary>
        public static Instruction Store16(Register destination, short offset, int immediate) => Store(MemorySize.Half, destination, offset, immediate);

        /// <summary><c>*(u32 *)(dst + offset) = src</c>.</summary>
        public static Instruction Store32(Register destination, short offset, Register source) => Store(MemorySize.Word, destination, offset, source);

        /// <summary><c>*(u32 *)(dst + offset) = imm</c>.</summary>
        public static Instruction Store32(Register destination, short offset, int immediate) => Store(MemorySize.Word, destination, offset, immediate);

        /// <summary><c>*(u64 *)(dst + offset) = src</c>.</summary>
        public static Instruction Store64(Register destination, short offset, Register source) => Store(MemorySize.DoubleWord, destination, offset, source);

        /// <summary><c>*(u64 *)(dst + offset) = imm</c>.</summary>
        public static Instruction Store64(Register destination, short offset, int immediate) => Store(MemorySize.DoubleWord, destination, offset, immediate);

        /// <summary><c>lock *(u64 *)(dst + offset) += src</c>.</summary>
        public static Instruction AtomicAdd64(Register destination, short offset, Register source) => Atomic(MemorySize.DoubleWord, AtomicOperation.Add, destination, offset, source);

        /// <summary><c>lock *(u64 *)(dst + offset) |= src</c>.</summary>
        public static Instruction AtomicOr64(Register destination, short offset, Register source) => Atomic(MemorySize.DoubleWord, AtomicOperation.Or, destination, offset, source);

        /// <summary><c>lock *(u64 *)(dst + offset) &amp;= src</c>.</summary>
        public static Instruction AtomicAnd64(Register destination, short offset, Register source) => Atomic(MemorySize.DoubleWord, AtomicOperation.And, destination, offset, source);

        /// <summary><c>lock *(u64 *)(dst + offset) ^= src</c>.</summary>
        public static Instruction AtomicXor64(Register destination, short offset, Register source) => Atomic(MemorySize.DoubleWord, AtomicOperation.Xor, destination, offset, source);

        /// <summary><c>src = atomic_fetch_add((u64 *)(dst + offset), src)</c>.</summary>
        public static Instruction AtomicFetchAdd64(Register destination, short offset, Register source) => Atomic(MemorySize.DoubleWord, AtomicOperation.FetchAdd, destination, offset, source);

        /// <summary><c>src = atomic_fetch_or((u64 *)(dst + offset), src)</c>.</summary>
        public static Instruction AtomicFetchOr64(Register destination, short offset, Register source) => Atomic(MemorySize.DoubleWord, AtomicOperation.FetchOr, destination, offset, source);

        /// <summary><c>src = atomic_fetch_and((u64 *)(dst + offset), src)</c>.</summary>
        public static Instruction AtomicFetchAnd64(Register destination, short offset, Register source) => Atomic(MemorySize.DoubleWord, AtomicOperation.FetchAnd, destination, offset, source);

        /// <summary><c>src = atomic_fetch_xor((u64 *)(dst + offset), src)</c>.</summary>
        public static Instruction AtomicFetchXor64(Register destination, short offset, Register source) => Atomic(MemorySize.DoubleWord, AtomicOperation.FetchXor, destination, offset, source);

        /// <summary><c>src = xchg(dst + offset, src)</c>.</summary>
        public static Instruction AtomicExchange64(Register destination, short offset, Register source) => Atomic(MemorySize.DoubleWord, AtomicOperation.Exchange, destination, offset, source);

        /// <summary><c>r0 = cmpxchg(dst + offset, r0, src): stores src if the old value equals r0; r0 gets the old value</c>.</summary>
        public static Instruction AtomicCompareExchange64(Register destination, short offset, Register source) => Atomic(MemorySize.DoubleWord, AtomicOperation.CompareExchange, destination, offset, source);

        /// <summary><c>lock *(u32 *)(dst + offset) += src</c>.</summary>
        public static Instruction AtomicAdd32(Register destination, short offset, Register source) => Atomic(MemorySize.Word, AtomicOperation.Add, destination, offset, source);

        /// <summary><c>lock *(u32 *)(dst + offset) |= src</c>.</summary>
        public static Instruction AtomicOr32(Register destination, short offset, Register source) => Atomic(MemorySize.Word, AtomicOperation.Or, destination, offset, source);

        /// <summary><c>lock *(u32 *)(dst + offset) &amp;= src</c>.</summary>
        public static Instruction AtomicAnd32(Register destination, short offset, Register source) => Atomic(MemorySize.Word, AtomicOperation.And, destination, offset, source);

        /// <summary><c>lock *(u32 *)(dst + offset) ^= src</c>.</summary>
        public static Instruction AtomicXor32(Register destination, short offset, Register source) => Atomic(MemorySize.Word, AtomicOperation.Xor, destination, offset, source);

        /// <summary><c>src = atomic_fetch_add((u32 *)(dst + offset), src)</c>.</summary>
        public static Instruction AtomicFetchAdd32(Register destination, short offset, Register source) => Atomic(MemorySize.Word, AtomicOperation.FetchAdd, destination, offset, source);

        /// <summary><c>src = atomic_fetch_or((u32 *)(dst + offset), src)</c>.</summary>
        public static Instruction AtomicFetchOr32(Register destination, short offset, Register source) => Atomic(MemorySize.Word, AtomicOperation.FetchOr, destination, offset, source);

        /// <summary><c>src = atomic_fetch_and((u32 *)(dst + offset), src)</c>.</summary>
        public static Instruction AtomicFetchAnd32(Register destination, short offset, Register source) => Atomic(MemorySize.Word, AtomicOperation.FetchAnd, destination, offset, source);

        /// <summary><c>src = atomic_fetch_xor((u32 *)(dst + offset), src)</c>.</summary>
        public static Instruction AtomicFetchXor32(Register destination, short offset, Register source) => Atomic(MemorySize.Word, AtomicOperation.FetchXor, destination, offset, source);

        /// <summary><c>src = xchg(dst + offset, src)</c>.</summary>
        public static Instruction AtomicExchange32(Register destination, short offset, Register source) => Atomic(MemorySize.Word, AtomicOperation.Exchange, destination, offset, source);

        /// <summary><c>r0 = cmpxchg(dst + offset, r0, src): stores src if the old value equals r0; r0 gets the old value</c>.</summary>
        public static Instruction AtomicCompareExchange32(Register destination, short offset, Register source) => Atomic(MemorySize.Word, AtomicOperation.CompareExchange, destination, offset, source);
    }
}

namespace Ebpf.Compiler.IR
{
    /// <summary>
    /// <c>atomic.add.u64 [p + off], v</c>, <c>%old: i64 = atomic.fetch_or.u32 [p + off], v</c>,
    /// <c>%old: i64 = atomic.xchg.u64 [p + off], v</c>, <c>%old: i64 = atomic.cmpxchg.u64 [p + off], v, cmp</c>:
    /// an atomic read-modify-write of 32 or 64 bits of memory. With a destination it yields the value before.
    /// </summary>
    /// <remarks>Kernel: BPF_STX | BPF_ATOMIC; add since 3.18 (as BPF_XADD), the others and the fetch forms since 5.12
    /// (cpu v3). The kernel allows it on the stack and map values, not on the context or packet.</remarks>
    public sealed class AtomicInstruction : IrInstruction
    {
        /// <summary>Creates an atomic read-modify-write; <paramref name="comparand"/> only for compare-exchange.</summary>
        public AtomicInstruction(AtomicOperation operation, VirtualRegister? destination, IrValue address, int offset, IrValue value, int width, IrValue? comparand = null)
            : base(destination, comparand is null ? new[] { address, value } : new[] { address, value, comparand })
        {
            Operation = operation;
            Offset = offset;
            Width = width;
        }

        /// <summary>The read-modify-write performed.</summary>
        public AtomicOperation Operation { get; }

        /// <summary>The base pointer.</summary>
        public IrValue Address => Operands[0];

        /// <summary>The operand (the new value for exchanges).</summary>
        public IrValue Value => Operands[1];

        /// <summary>The value expected by compare-exchange; null otherwise.</summary>
        public IrValue? Comparand => Operands.Count > 2 ? Operands[2] : null;

        /// <summary>Byte offset added to the base.</summary>
        public int Offset { get; }

        /// <summary>Bits changed: 32 or 64.</summary>
        public int Width { get; }

        /// <summary>True when the old value is returned (the verifier requires it for exchanges).</summary>
        public bool Fetches => Destination is not null;

        /// <inheritdoc />
        public override bool HasSideEffects => true;

        internal override IrInstruction Clone(IrCloneMap map)
        {
            IrValue[] operands = MapOperands(map);
            return new AtomicInstruction(Operation, map.Map(Destination), operands[0], Offset, operands[1], Width, operands.Length > 2 ? operands[2] : null);
        }
    }
}

namespace Ebpf.Compiler.IR
{
    /// <summary><c>store.u32 [p + off], v</c>: writes the low <see cref="Width"/> bits of a value.</summary>
    public sealed class StoreInstruction : IrInstruction
    {
        /// <summary>Creates a store.</summary>
        public StoreInstruction(IrValue address, int offset, IrValue value, int width)
            : base(null, address, value)
        {
            Offset = offset;
            Width = width;
        }

        /// <summary>The base pointer.</summary>
        public IrValue Address => Operands[0];

        /// <summary>The value stored.</summary>
        public IrValue Value => Operands[1];

        /// <summary>Byte offset added to the base.</summary>
        public int Offset { get; }

        /// <summary>Bits written: 8, 16, 32 or 64, at most the value's width.</summary>
        public int Width { get; }

        /// <inheritdoc />
        public override bool HasSideEffects => true;

        internal override IrInstruction Clone(IrCloneMap map)
        {
            IrValue[] operands = MapOperands(map);
            return new StoreInstruction(operands[0], Offset, operands[1], Width);
        }
    }
}

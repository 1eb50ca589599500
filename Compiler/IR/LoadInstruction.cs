namespace Ebpf.Compiler.IR
{
    /// <summary>
    /// <c>%d = load.u32 [p + off]</c>: reads <see cref="Width"/> bits at a pointer plus a constant offset,
    /// zero-extended (or sign-extended: <c>load.s8</c>) to the destination's width.
    /// </summary>
    public sealed class LoadInstruction : IrInstruction
    {
        /// <summary>Creates a load.</summary>
        public LoadInstruction(VirtualRegister destination, IrValue address, int offset, int width, bool signExtend)
            : base(destination, address)
        {
            Offset = offset;
            Width = width;
            SignExtend = signExtend;
        }

        /// <summary>The base pointer.</summary>
        public IrValue Address => Operands[0];

        /// <summary>Byte offset added to the base (must fit in s16 after frame layout).</summary>
        public int Offset { get; }

        /// <summary>Bits read: 8, 16, 32 or 64.</summary>
        public int Width { get; }

        /// <summary>True to sign-extend a narrow value (BPF_MEMSX on cpu v4, kernel 6.6).</summary>
        public bool SignExtend { get; }

        internal override IrInstruction Clone(IrCloneMap map) =>
            new LoadInstruction(map.Map(Destination)!, map.Map(Address), Offset, Width, SignExtend);
    }
}

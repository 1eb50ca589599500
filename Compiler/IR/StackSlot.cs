namespace Ebpf.Compiler.IR
{
    /// <summary>
    /// A stack allocation of the function (an alloca); as an operand it is its address, a stack pointer.
    /// The backend places it below r10; all slots and spills together must fit the 512-byte frame.
    /// </summary>
    public sealed class StackSlot : IrValue
    {
        internal StackSlot(string name, int size, int alignment, bool isSpill = false)
            : base(IrType.PointerTo(PointerKind.Stack))
        {
            IsSpill = isSpill;
            Name = name;
            Size = size;
            Alignment = alignment;
        }

        /// <summary>Name unique within the function, printed as <c>$name</c>.</summary>
        public string Name { get; }

        /// <summary>Size in bytes.</summary>
        public int Size { get; }

        /// <summary>Alignment in bytes (1, 2, 4 or 8).</summary>
        public int Alignment { get; }

        /// <summary>
        /// A register's spill slot: 8 bytes, stored and loaded with 64 bits whatever the register's type, because the
        /// verifier keeps a spilled scalar's bounds only for full 8-byte spills.
        /// </summary>
        public bool IsSpill { get; }

        /// <summary>
        /// The alignment the backend places the slot at: <see cref="Alignment"/>, raised to the natural alignment of the
        /// widest access that fits (2 for 2 bytes, 4 for 3–4, 8 from 5 up), because the verifier refuses misaligned stack
        /// accesses and struct copies move 8-byte pieces.
        /// </summary>
        public int PlacedAlignment => System.Math.Max(Alignment, Size >= 5 ? 8 : Size >= 3 ? 4 : Size >= 2 ? 2 : 1);

        /// <inheritdoc />
        public override string ToString() => "$" + Name;
    }
}

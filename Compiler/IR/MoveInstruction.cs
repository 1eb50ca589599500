namespace Ebpf.Compiler.IR
{
    /// <summary><c>%d = mov v</c>: copies a value of the same type (also how constants enter registers).</summary>
    public sealed class MoveInstruction : IrInstruction
    {
        /// <summary>Creates a move.</summary>
        public MoveInstruction(VirtualRegister destination, IrValue source)
            : base(destination, source)
        {
        }

        /// <summary>The value copied.</summary>
        public IrValue Source => Operands[0];

        internal override IrInstruction Clone(IrCloneMap map) => new MoveInstruction(map.Map(Destination)!, map.Map(Source));
    }
}

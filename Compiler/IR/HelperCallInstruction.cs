namespace Ebpf.Compiler.IR
{
    /// <summary><c>%d = call helper#N(a, …)</c>: a kernel helper with at most five arguments; clobbers r0–r5.</summary>
    public sealed class HelperCallInstruction : IrInstruction
    {
        /// <summary>Creates a helper call; the destination is null when the result is ignored.</summary>
        public HelperCallInstruction(VirtualRegister? destination, int helperId, params IrValue[] arguments)
            : base(destination, arguments)
        {
            HelperId = helperId;
        }

        /// <summary>The helper's number (enum bpf_func_id).</summary>
        public int HelperId { get; }

        /// <inheritdoc />
        public override bool HasSideEffects => true;

        internal override IrInstruction Clone(IrCloneMap map) =>
            new HelperCallInstruction(map.Map(Destination), HelperId, MapOperands(map));
    }
}

namespace Ebpf.Compiler.IR
{
    /// <summary><c>%d = call @f(a, …)</c>: a BPF-to-BPF call to another function of the module (BPF_PSEUDO_CALL).</summary>
    public sealed class LocalCallInstruction : IrInstruction
    {
        /// <summary>Creates a local call.</summary>
        public LocalCallInstruction(VirtualRegister? destination, string callee, params IrValue[] arguments)
            : base(destination, arguments)
        {
            Callee = callee;
        }

        /// <summary>The called function's name in the module.</summary>
        public string Callee { get; }

        /// <inheritdoc />
        public override bool HasSideEffects => true;

        internal override IrInstruction Clone(IrCloneMap map) =>
            new LocalCallInstruction(map.Map(Destination), Callee, MapOperands(map));
    }
}

namespace Ebpf.Compiler.IR
{
    /// <summary><c>ret v</c> or <c>ret</c>: leaves the function with r0 = v.</summary>
    public sealed class ReturnInstruction : IrInstruction
    {
        /// <summary>Creates a return; <paramref name="value"/> is null for a function without a result.</summary>
        public ReturnInstruction(IrValue? value)
            : base(null, value is null ? System.Array.Empty<IrValue>() : new[] { value })
        {
        }

        /// <summary>The returned value, if any.</summary>
        public IrValue? Value => Operands.Count > 0 ? Operands[0] : null;

        /// <inheritdoc />
        public override bool IsTerminator => true;

        internal override IrInstruction Clone(IrCloneMap map) => new ReturnInstruction(Value is null ? null : map.Map(Value));
    }
}

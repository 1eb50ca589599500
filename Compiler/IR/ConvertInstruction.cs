namespace Ebpf.Compiler.IR
{
    /// <summary><c>%d = zext/sext/trunc/nonnull/cast a</c>: the destination's type is the target type.</summary>
    public sealed class ConvertInstruction : IrInstruction
    {
        /// <summary>Creates a conversion.</summary>
        public ConvertInstruction(ConversionKind kind, VirtualRegister destination, IrValue operand)
            : base(destination, operand)
        {
            Kind = kind;
        }

        /// <summary>The conversion.</summary>
        public ConversionKind Kind { get; }

        /// <summary>The operand.</summary>
        public IrValue Operand => Operands[0];

        internal override IrInstruction Clone(IrCloneMap map) =>
            new ConvertInstruction(Kind, map.Map(Destination)!, map.Map(Operand));
    }
}

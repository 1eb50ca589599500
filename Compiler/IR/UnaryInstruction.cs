namespace Ebpf.Compiler.IR
{
    /// <summary><c>%d = op a</c>: negate, not, byte swap.</summary>
    public sealed class UnaryInstruction : IrInstruction
    {
        /// <summary>Creates a unary operation.</summary>
        public UnaryInstruction(UnaryOperation operation, VirtualRegister destination, IrValue operand)
            : base(destination, operand)
        {
            Operation = operation;
        }

        /// <summary>The operation.</summary>
        public UnaryOperation Operation { get; }

        /// <summary>The operand.</summary>
        public IrValue Operand => Operands[0];

        internal override IrInstruction Clone(IrCloneMap map) =>
            new UnaryInstruction(Operation, map.Map(Destination)!, map.Map(Operand));
    }
}

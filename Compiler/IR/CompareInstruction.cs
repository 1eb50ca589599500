namespace Ebpf.Compiler.IR
{
    /// <summary><c>%d = cmp.cc a, b</c>: 1 when the condition holds, else 0 (a C# bool as a value).</summary>
    public sealed class CompareInstruction : IrInstruction
    {
        /// <summary>Creates a compare.</summary>
        public CompareInstruction(Condition condition, VirtualRegister destination, IrValue left, IrValue right)
            : base(destination, left, right)
        {
            Condition = condition;
        }

        /// <summary>The condition.</summary>
        public Condition Condition { get; }

        /// <summary>The first operand.</summary>
        public IrValue Left => Operands[0];

        /// <summary>The second operand.</summary>
        public IrValue Right => Operands[1];

        internal override IrInstruction Clone(IrCloneMap map)
        {
            IrValue[] operands = MapOperands(map);
            return new CompareInstruction(Condition, map.Map(Destination)!, operands[0], operands[1]);
        }
    }
}

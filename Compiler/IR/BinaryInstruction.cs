namespace Ebpf.Compiler.IR
{
    /// <summary><c>%d = op a, b</c> on two 32- or 64-bit scalars of one width, or pointer ± 64-bit scalar.</summary>
    public sealed class BinaryInstruction : IrInstruction
    {
        /// <summary>Creates a binary operation.</summary>
        public BinaryInstruction(BinaryOperation operation, VirtualRegister destination, IrValue left, IrValue right)
            : base(destination, left, right)
        {
            Operation = operation;
        }

        /// <summary>The operation.</summary>
        public BinaryOperation Operation { get; }

        /// <summary>The first operand.</summary>
        public IrValue Left => Operands[0];

        /// <summary>The second operand.</summary>
        public IrValue Right => Operands[1];

        /// <summary>True when a op b = b op a.</summary>
        public bool IsCommutative => IsCommutativeOperation(Operation);

        /// <summary>True for add, multiply, and, or, xor.</summary>
        public static bool IsCommutativeOperation(BinaryOperation operation) =>
            operation == BinaryOperation.Add || operation == BinaryOperation.Multiply || operation == BinaryOperation.And ||
            operation == BinaryOperation.Or || operation == BinaryOperation.Xor;

        internal override IrInstruction Clone(IrCloneMap map)
        {
            IrValue[] operands = MapOperands(map);
            return new BinaryInstruction(Operation, map.Map(Destination)!, operands[0], operands[1]);
        }
    }
}

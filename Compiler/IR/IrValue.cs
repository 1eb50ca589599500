namespace Ebpf.Compiler.IR
{
    /// <summary>An operand: a <see cref="VirtualRegister"/>, an <see cref="IrConstant"/> or a <see cref="StackSlot"/>'s address.</summary>
    public abstract class IrValue
    {
        /// <summary>Creates a value of a type.</summary>
        protected IrValue(IrType type)
        {
            Type = type;
        }

        /// <summary>The value's type.</summary>
        public IrType Type { get; }
    }
}

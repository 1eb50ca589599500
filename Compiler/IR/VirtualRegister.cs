namespace Ebpf.Compiler.IR
{
    /// <summary>
    /// A virtual register of a function. The IR is not SSA: a register may be assigned in several places
    /// (a C# local); one assigned exactly once behaves as an SSA value, and passes rely on that.
    /// </summary>
    public sealed class VirtualRegister : IrValue
    {
        internal VirtualRegister(int id, IrType type, string name)
            : base(type)
        {
            Id = id;
            Name = name;
        }

        /// <summary>Number unique within its function, in creation order.</summary>
        public int Id { get; }

        /// <summary>Name unique within its function, printed as <c>%name</c>.</summary>
        public string Name { get; }

        /// <inheritdoc />
        public override string ToString() => "%" + Name;
    }
}

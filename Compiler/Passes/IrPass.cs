using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Passes
{
    /// <summary>A transformation of one function that keeps its meaning.</summary>
    public abstract class IrPass
    {
        /// <summary>The pass's name, for messages.</summary>
        public abstract string Name { get; }

        /// <summary>Transforms the function in place; returns true when anything changed.</summary>
        public abstract bool Run(IrFunction function);
    }
}

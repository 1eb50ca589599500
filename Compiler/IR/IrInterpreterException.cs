using System;

namespace Ebpf.Compiler.IR
{
    /// <summary>The interpreted program did something the kernel's verifier would have refused (out-of-bounds access, …).</summary>
    public sealed class IrInterpreterException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public IrInterpreterException(string message)
            : base(message)
        {
        }
    }
}

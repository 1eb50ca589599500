using Ebpf.Asm;

namespace Ebpf.Compiler.Backend
{
    /// <summary>A function's locals and spills need more stack than the kernel gives one frame (512 bytes, or 256).</summary>
    public sealed class StackFrameTooLargeException : BackendException
    {
        /// <summary>Creates the exception.</summary>
        public StackFrameTooLargeException(string functionName, int requiredBytes, int limitBytes, SourceLocation? location)
            : base(functionName, $"needs {requiredBytes} bytes of stack; a BPF frame has {limitBytes}", location)
        {
            RequiredBytes = requiredBytes;
            LimitBytes = limitBytes;
        }

        /// <summary>The bytes the frame would need.</summary>
        public int RequiredBytes { get; }

        /// <summary>The limit that was exceeded.</summary>
        public int LimitBytes { get; }
    }
}

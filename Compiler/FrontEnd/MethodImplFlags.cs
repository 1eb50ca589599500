namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>The <c>System.Runtime.CompilerServices.MethodImplOptions</c> bits the front end reads (the compiler never loads the runtime's enum).</summary>
    [System.Flags]
    internal enum MethodImplFlags
    {
        /// <summary>No option.</summary>
        None = 0,

        /// <summary><c>NoInlining</c>: compile the method as a BPF-to-BPF function.</summary>
        NoInlining = 8,

        /// <summary><c>AggressiveInlining</c>: always inline the method.</summary>
        AggressiveInlining = 256,
    }
}

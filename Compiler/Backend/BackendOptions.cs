namespace Ebpf.Compiler.Backend
{
    /// <summary>What the backend may assume about the target.</summary>
    public sealed class BackendOptions
    {
        /// <summary>The instruction set level; v3 by default, v4 for kernels since 6.6.</summary>
        public CpuVersion Cpu { get; set; } = CpuVersion.V3;

        /// <summary>
        /// Bytes of stack one frame may use: 512, or 256 for a program that mixes BPF-to-BPF calls with tail calls.
        /// </summary>
        public int StackLimit { get; set; } = 512;

        /// <summary>Run the IR verifier on each function before compiling it.</summary>
        public bool VerifyIr { get; set; } = true;
    }
}

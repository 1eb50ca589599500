namespace Ebpf.Compiler.Tests.FrontEnd.Programs
{
    /// <summary>The per-CPU context the tail-called programs share (one entry of a PERCPU_ARRAY).</summary>
    public struct TailContext
    {
        public byte ValueFrom1;
        public byte ValueFrom2;
    }
}

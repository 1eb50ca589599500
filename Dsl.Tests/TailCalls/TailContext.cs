namespace Ebpf.Dsl.Tests.TailCalls
{
    /// <summary>The per-CPU context the seed's three tail-called programs share.</summary>
    public struct TailContext
    {
        public byte ValueFrom1;
        public byte ValueFrom2;
    }
}

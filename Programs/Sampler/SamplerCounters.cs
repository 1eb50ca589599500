using System.Runtime.InteropServices;

namespace Ebpf.Programs.Sampler
{
    /// <summary>The sampler's per-CPU state: entry 0 of the PERCPU_ARRAY <c>sampler_stats</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct SamplerCounters
    {
        /// <summary>Packets seen since the last sampled one on this CPU (the 1-in-N counter; 0 samples the next).</summary>
        public ulong Position;

        /// <summary>Records submitted to <c>sampler_ring</c> by this CPU.</summary>
        public ulong Sampled;

        /// <summary>Packets due for sampling that found the ring full (<c>bpf_ringbuf_reserve</c> returned NULL).</summary>
        public ulong Lost;
    }
}

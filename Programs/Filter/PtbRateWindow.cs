using System.Runtime.InteropServices;

namespace Ebpf.Programs.Filter
{
    /// <summary>
    /// The rate limit of "fragmentation needed" replies, shared by all CPUs: entry 0 of the array <c>filter_ptb</c>,
    /// one 64-bit word updated with atomics: the current second (of bpf_ktime_get_ns) in the high 32 bits and the
    /// replies granted in it in the low 32 bits.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PtbRateWindow
    {
        /// <summary>(second &lt;&lt; 32) | replies granted in that second.</summary>
        public ulong SecondAndCount;
    }
}

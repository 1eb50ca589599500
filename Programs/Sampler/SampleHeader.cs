using System.Runtime.InteropServices;

namespace Ebpf.Programs.Sampler
{
    /// <summary>The first 32 bytes of every <c>sampler_ring</c> record; the captured bytes follow.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct SampleHeader
    {
        /// <summary>The size of the header in bytes.</summary>
        public const int Size = 32;

        /// <summary>The root-array slot the sampler ran in (from <see cref="SamplerConfig.Slot"/>).</summary>
        public uint Slot;

        /// <summary>The sampler's verdict for the packet (always XDP_PASS, 2).</summary>
        public uint Verdict;

        /// <summary>The interface the packet arrived on (<c>xdp_md.ingress_ifindex</c>).</summary>
        public uint Ifindex;

        /// <summary>The whole frame's length (<c>data_end - data</c>).</summary>
        public uint PacketLength;

        /// <summary>How many bytes of the frame the record holds: min(packet length, snap length).</summary>
        public uint CapturedLength;

        /// <summary>Zero; aligns <see cref="KtimeNs"/>.</summary>
        public uint Reserved;

        /// <summary>When the packet was sampled: <c>bpf_ktime_get_ns()</c>, CLOCK_MONOTONIC nanoseconds.</summary>
        public ulong KtimeNs;
    }
}

using System.Runtime.InteropServices;

namespace Ebpf.Programs.Sampler
{
    /// <summary>
    /// One <c>sampler_ring</c> record as the program reserves it (fixed size, as <c>bpf_ringbuf_reserve</c> demands):
    /// the header, then <see cref="SampleHeader.CapturedLength"/> valid bytes of <see cref="Data"/> (the rest is
    /// whatever the ring held before).
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct SampleRecord
    {
        /// <summary>The record size in bytes (32 + 256).</summary>
        public const int Size = SampleHeader.Size + PacketSampler.MaxSnapLength;

        /// <summary>Slot, verdict, interface, lengths and time.</summary>
        public SampleHeader Header;

        /// <summary>The first bytes of the frame.</summary>
        public SnapBytes Data;
    }
}

using System.Runtime.InteropServices;

namespace Ebpf.Programs.Sampler
{
    /// <summary>
    /// The sampler's per-interface configuration: entry 0 of the pinned ARRAY <c>sampler_config</c>. All zero (the
    /// state of a fresh map) means off.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct SamplerConfig
    {
        /// <summary>Copy one packet in this many (per CPU); 0 turns sampling off.</summary>
        public uint Every;

        /// <summary>Bytes of each sampled packet to copy; 0 or more than <see cref="PacketSampler.MaxSnapLength"/> means
        /// <see cref="PacketSampler.MaxSnapLength"/>, less than <see cref="PacketSampler.MinSnapLength"/> means that.</summary>
        public uint SnapLength;

        /// <summary>The slot the sampler occupies, copied into every record (the program cannot know it by itself).</summary>
        public uint Slot;

        /// <summary>Zero; keeps the struct 16 bytes.</summary>
        public uint Reserved;
    }
}

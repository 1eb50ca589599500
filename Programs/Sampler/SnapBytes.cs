using System.Runtime.InteropServices;

namespace Ebpf.Programs.Sampler
{
    /// <summary>The <see cref="PacketSampler.MaxSnapLength"/> (256) captured bytes of a record, in four 64-byte quarters.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct SnapBytes
    {
        /// <summary>Bytes 0..63.</summary>
        public SnapWords Q0;

        /// <summary>Bytes 64..127.</summary>
        public SnapWords Q1;

        /// <summary>Bytes 128..191.</summary>
        public SnapWords Q2;

        /// <summary>Bytes 192..255.</summary>
        public SnapWords Q3;
    }
}

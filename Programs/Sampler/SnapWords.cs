using System.Runtime.InteropServices;

namespace Ebpf.Programs.Sampler
{
    /// <summary>64 captured bytes as eight little-endian words (the DSL has no fixed buffers yet).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct SnapWords
    {
        /// <summary>Bytes 0..7.</summary>
        public ulong W0;

        /// <summary>Bytes 8..15.</summary>
        public ulong W1;

        /// <summary>Bytes 16..23.</summary>
        public ulong W2;

        /// <summary>Bytes 24..31.</summary>
        public ulong W3;

        /// <summary>Bytes 32..39.</summary>
        public ulong W4;

        /// <summary>Bytes 40..47.</summary>
        public ulong W5;

        /// <summary>Bytes 48..55.</summary>
        public ulong W6;

        /// <summary>Bytes 56..63.</summary>
        public ulong W7;
    }
}

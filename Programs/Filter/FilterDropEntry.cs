using System.Runtime.InteropServices;

namespace Ebpf.Programs.Filter
{
    /// <summary>
    /// The value of a drop-list entry (<c>filter_drop4</c>, <c>filter_drop6</c>): a text tag for the operator and
    /// when the entry was added. The kernel program never reads it; only its presence matters.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct FilterDropEntry
    {
        /// <summary>The tag's capacity in UTF-8 bytes (zero-padded, not necessarily zero-terminated).</summary>
        public const int TagBytes = 32;

        /// <summary>Tag bytes 0..7.</summary>
        public ulong Tag0;

        /// <summary>Tag bytes 8..15.</summary>
        public ulong Tag1;

        /// <summary>Tag bytes 16..23.</summary>
        public ulong Tag2;

        /// <summary>Tag bytes 24..31.</summary>
        public ulong Tag3;

        /// <summary>When the entry was added, seconds since the Unix epoch.</summary>
        public ulong LoadTime;
    }
}

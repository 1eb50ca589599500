using System.Runtime.InteropServices;

namespace Ebpf.Programs.Filter
{
    /// <summary>
    /// An IPv6 address as four 32-bit words in memory (network) order: the data of <c>filter_drop6</c>'s keys. Words,
    /// not the Dsl's 16-byte <c>Ipv6Address</c>, so the key is built on the stack with aligned 4-byte stores.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Ipv6AddressWords
    {
        /// <summary>Bytes 0–3.</summary>
        public uint Word0;

        /// <summary>Bytes 4–7.</summary>
        public uint Word1;

        /// <summary>Bytes 8–11.</summary>
        public uint Word2;

        /// <summary>Bytes 12–15.</summary>
        public uint Word3;
    }
}

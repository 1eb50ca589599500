using System.Runtime.InteropServices;

namespace Ebpf.Dsl.Maps
{
    /// <summary>
    /// A longest-prefix-match key: a prefix length in bits and the data (an address, in network order) whose first
    /// <see cref="PrefixLength"/> bits count.
    /// </summary>
    /// <typeparam name="T">The data type, e.g. <see cref="uint"/> for IPv4 or <c>Ipv6Address</c>.</typeparam>
    /// <remarks>Kernel: <c>struct bpf_lpm_trie_key_u8</c> (<c>__u32 prefixlen; __u8 data[]</c>), since 4.11.</remarks>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct LpmKey<T>
        where T : unmanaged
    {
        /// <summary>How many leading bits of <see cref="Data"/> count (prefixlen).</summary>
        public uint PrefixLength;

        /// <summary>The data, compared most significant bit of byte 0 first.</summary>
        public T Data;

        /// <summary>Creates a key.</summary>
        /// <param name="prefixLength">How many leading bits count.</param>
        /// <param name="data">The data (network order).</param>
        public LpmKey(uint prefixLength, T data)
        {
            PrefixLength = prefixLength;
            Data = data;
        }
    }
}

using System.Runtime.InteropServices;
using Ebpf.Dsl.Packets;

namespace Ebpf.Programs.Filter
{
    /// <summary>
    /// The 70-byte ICMP "fragmentation needed" reply the filter makes of a first fragment: Ethernet, IPv4, ICMP
    /// (type 3 code 4, next-hop MTU), then the fragment's IPv4 header and the first 8 bytes of its payload (RFC 792).
    /// </summary>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct PtbReply
    {
        /// <summary>The reply's size in bytes.</summary>
        public const int Size = EthernetHeader.Size + Ipv4Header.MinimumSize + IcmpHeader.Size + Ipv4Header.MinimumSize + 8;

        /// <summary>Where the ICMP message starts.</summary>
        public const int IcmpOffset = EthernetHeader.Size + Ipv4Header.MinimumSize;

        /// <summary>The reply's Ethernet header (the fragment's addresses swapped).</summary>
        public EthernetHeader Ethernet;

        /// <summary>The reply's IPv4 header (the fragment's addresses swapped).</summary>
        public Ipv4Header Ip;

        /// <summary>The ICMP message, its quoted header and data (what the ICMP checksum covers).</summary>
        public PtbMessage Message;
    }
}

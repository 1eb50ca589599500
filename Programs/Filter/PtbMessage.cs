using System.Runtime.InteropServices;
using Ebpf.Dsl.Packets;

namespace Ebpf.Programs.Filter
{
    /// <summary>The ICMP part of a <see cref="PtbReply"/>: 36 bytes, what the ICMP checksum covers.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct PtbMessage
    {
        /// <summary>Type 3 (destination unreachable), code 4 (fragmentation needed), the next-hop MTU (RFC 1191).</summary>
        public IcmpHeader Icmp;

        /// <summary>The fragment's IPv4 header, as received.</summary>
        public Ipv4Header QuotedHeader;

        /// <summary>The first 8 bytes of the fragment's payload, as received.</summary>
        public ulong QuotedData;
    }
}

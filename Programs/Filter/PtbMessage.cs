using System.Runtime.InteropServices;
using Ebpf.Dsl.Packets;

namespace Ebpf.Programs.Filter
{
    /// <summary>
    /// The ICMP part of a <see cref="PtbReply"/>: 36 bytes, what the ICMP checksum covers. The ICMP header is spelled
    /// out field by field (RFC 1191 layout) because <see cref="IcmpHeader"/>'s properties have no lowering yet.
    /// </summary>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct PtbMessage
    {
        /// <summary>3: destination unreachable.</summary>
        public byte Type;

        /// <summary>4: fragmentation needed and DF set.</summary>
        public byte Code;

        /// <summary>The ICMP checksum, memory order.</summary>
        public ushort MessageChecksum;

        /// <summary>Unused, 0.</summary>
        public ushort Unused;

        /// <summary>The next-hop MTU, network order.</summary>
        public ushort NextHopMtuNetworkOrder;

        /// <summary>The fragment's IPv4 header, as received.</summary>
        public Ipv4Header QuotedHeader;

        /// <summary>The first 8 bytes of the fragment's payload, as received.</summary>
        public ulong QuotedData;
    }
}

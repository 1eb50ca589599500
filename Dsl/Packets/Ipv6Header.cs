using System.Runtime.InteropServices;

namespace Ebpf.Dsl.Packets
{
    /// <summary>An IPv6 fixed header (linux/ipv6.h <c>struct ipv6hdr</c>), 40 bytes.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct Ipv6Header
    {
        /// <summary>The header size in bytes.</summary>
        public const int Size = 40;

        private uint _versionClassFlow;
        private ushort _payloadLength;

        /// <summary>The protocol or extension header that follows (nexthdr).</summary>
        public IpProtocol NextHeader;

        /// <summary>Hop limit (hop_limit).</summary>
        public byte HopLimit;

        /// <summary>Source address (saddr), network order.</summary>
        public Ipv6Address SourceAddress;

        /// <summary>Destination address (daddr), network order.</summary>
        public Ipv6Address DestinationAddress;

        /// <summary>Version, traffic class and flow label as one host-order word (4, 8 and 20 bits).</summary>
        public uint VersionClassFlow
        {
            readonly get => Net.ToHost32(_versionClassFlow);
            set => _versionClassFlow = Net.ToNetwork32(value);
        }

        /// <summary>The IP version (6 for a valid header).</summary>
        public readonly int Version => (int)(VersionClassFlow >> 28);

        /// <summary>Traffic class (DSCP and ECN).</summary>
        public readonly int TrafficClass => (int)(VersionClassFlow >> 20) & 0xff;

        /// <summary>Flow label.</summary>
        public readonly int FlowLabel => (int)(VersionClassFlow & 0xfffff);

        /// <summary>Payload length after this header, extension headers included (payload_len), host order.</summary>
        public ushort PayloadLength
        {
            readonly get => Net.ToHost16(_payloadLength);
            set => _payloadLength = Net.ToNetwork16(value);
        }
    }
}

using System.Runtime.InteropServices;

namespace Ebpf.Dsl.Packets
{
    /// <summary>
    /// An IPv4 header without options (linux/ip.h <c>struct iphdr</c>), 20 bytes; <see cref="HeaderLength"/> says where
    /// the payload starts when options are present.
    /// </summary>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct Ipv4Header
    {
        /// <summary>The size of a header without options.</summary>
        public const int MinimumSize = 20;

        private const ushort ReservedFlag = 0x8000;
        private const ushort DontFragmentFlag = 0x4000;
        private const ushort MoreFragmentsFlag = 0x2000;
        private const ushort OffsetMask = 0x1fff;

        /// <summary>Version (high nibble) and header length in 32-bit words (low nibble).</summary>
        public byte VersionAndIhl;

        /// <summary>Type of service / DSCP and ECN (tos).</summary>
        public byte TypeOfService;

        private ushort _totalLength;
        private ushort _identification;
        private ushort _flagsAndFragmentOffset;

        /// <summary>Time to live (ttl).</summary>
        public byte TimeToLive;

        /// <summary>The payload protocol (protocol).</summary>
        public IpProtocol Protocol;

        /// <summary>The header checksum (check), memory order: compare or assign the <see cref="Checksum"/> class's
        /// results directly.</summary>
        public ushort HeaderChecksum;

        /// <summary>Source address (saddr), network order.</summary>
        public uint SourceAddress;

        /// <summary>Destination address (daddr), network order.</summary>
        public uint DestinationAddress;

        /// <summary>The IP version (4 for a valid header).</summary>
        public readonly int Version => VersionAndIhl >> 4;

        /// <summary>Header length in 32-bit words (ihl; 5 without options).</summary>
        public readonly int Ihl => VersionAndIhl & 0x0f;

        /// <summary>Header length in bytes (ihl × 4).</summary>
        public readonly int HeaderLength => (VersionAndIhl & 0x0f) << 2;

        /// <summary>Whether the header carries options (ihl &gt; 5).</summary>
        public readonly bool HasOptions => (VersionAndIhl & 0x0f) > 5;

        /// <summary>Total length of header and payload (tot_len), host order.</summary>
        public ushort TotalLength
        {
            readonly get => Net.ToHost16(_totalLength);
            set => _totalLength = Net.ToNetwork16(value);
        }

        /// <summary>Identification (id), host order.</summary>
        public ushort Identification
        {
            readonly get => Net.ToHost16(_identification);
            set => _identification = Net.ToNetwork16(value);
        }

        /// <summary>Flags (top 3 bits) and fragment offset (low 13 bits) (frag_off), host order.</summary>
        public ushort FlagsAndFragmentOffset
        {
            readonly get => Net.ToHost16(_flagsAndFragmentOffset);
            set => _flagsAndFragmentOffset = Net.ToNetwork16(value);
        }

        /// <summary>The reserved flag, RFC 3514's "evil bit" (IP_CE in linux/ip.h).</summary>
        public readonly bool EvilBit => (FlagsAndFragmentOffset & ReservedFlag) != 0;

        /// <summary>Don't fragment (IP_DF).</summary>
        public readonly bool DontFragment => (FlagsAndFragmentOffset & DontFragmentFlag) != 0;

        /// <summary>More fragments follow (IP_MF).</summary>
        public readonly bool MoreFragments => (FlagsAndFragmentOffset & MoreFragmentsFlag) != 0;

        /// <summary>Fragment offset in 8-byte units (IP_OFFSET).</summary>
        public readonly int FragmentOffset => FlagsAndFragmentOffset & OffsetMask;

        /// <summary>Whether this is any fragment: more fragments follow or the offset is not 0.</summary>
        public readonly bool IsFragment => (FlagsAndFragmentOffset & (MoreFragmentsFlag | OffsetMask)) != 0;

        /// <summary>Whether this is the first fragment of a fragmented datagram (MF set, offset 0).</summary>
        public readonly bool IsFirstFragment => (FlagsAndFragmentOffset & (MoreFragmentsFlag | OffsetMask)) == MoreFragmentsFlag;
    }
}

using System.Runtime.InteropServices;

namespace Ebpf.Dsl.Packets
{
    /// <summary>An ICMP header (linux/icmp.h <c>struct icmphdr</c>), 8 bytes.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct IcmpHeader
    {
        /// <summary>The header size in bytes.</summary>
        public const int Size = 8;

        /// <summary>Type 3: destination unreachable (ICMP_DEST_UNREACH).</summary>
        public const byte DestinationUnreachable = 3;

        /// <summary>Code 4 of type 3: fragmentation needed and DF set (ICMP_FRAG_NEEDED).</summary>
        public const byte FragmentationNeeded = 4;

        /// <summary>Type 8: echo request (ICMP_ECHO).</summary>
        public const byte EchoRequest = 8;

        /// <summary>Type 0: echo reply (ICMP_ECHOREPLY).</summary>
        public const byte EchoReply = 0;

        /// <summary>The message type.</summary>
        public byte Type;

        /// <summary>The message code.</summary>
        public byte Code;

        /// <summary>The checksum over the ICMP message, memory order.</summary>
        public ushort MessageChecksum;

        private ushort _identifier;
        private ushort _sequence;

        /// <summary>Echo identifier (un.echo.id), host order.</summary>
        public ushort Identifier
        {
            readonly get => Net.ToHost16(_identifier);
            set => _identifier = Net.ToNetwork16(value);
        }

        /// <summary>Echo sequence number (un.echo.sequence), host order.</summary>
        public ushort Sequence
        {
            readonly get => Net.ToHost16(_sequence);
            set => _sequence = Net.ToNetwork16(value);
        }

        /// <summary>Next-hop MTU of a "fragmentation needed" message (un.frag.mtu, RFC 1191), host order; setting it
        /// clears the unused half.</summary>
        public ushort NextHopMtu
        {
            readonly get => Net.ToHost16(_sequence);
            set
            {
                _identifier = 0;
                _sequence = Net.ToNetwork16(value);
            }
        }
    }
}

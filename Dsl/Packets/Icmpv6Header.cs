using System.Runtime.InteropServices;

namespace Ebpf.Dsl.Packets
{
    /// <summary>An ICMPv6 header with its first data word (linux/icmpv6.h <c>struct icmp6hdr</c>), 8 bytes.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct Icmpv6Header
    {
        /// <summary>The header size in bytes.</summary>
        public const int Size = 8;

        /// <summary>Type 2: packet too big (ICMPV6_PKT_TOOBIG).</summary>
        public const byte PacketTooBig = 2;

        /// <summary>Type 128: echo request (ICMPV6_ECHO_REQUEST).</summary>
        public const byte EchoRequest = 128;

        /// <summary>Type 129: echo reply (ICMPV6_ECHO_REPLY).</summary>
        public const byte EchoReply = 129;

        /// <summary>The message type.</summary>
        public byte Type;

        /// <summary>The message code.</summary>
        public byte Code;

        /// <summary>The checksum over pseudo-header and message, memory order.</summary>
        public ushort MessageChecksum;

        private uint _data;

        /// <summary>The first data word (icmp6_dataun), host order: the MTU of a "packet too big" message.</summary>
        public uint Data
        {
            readonly get => Net.ToHost32(_data);
            set => _data = Net.ToNetwork32(value);
        }

        /// <summary>Echo identifier: the high half of <see cref="Data"/>.</summary>
        public readonly ushort Identifier => (ushort)(Data >> 16);

        /// <summary>Echo sequence number: the low half of <see cref="Data"/>.</summary>
        public readonly ushort Sequence => (ushort)Data;
    }
}

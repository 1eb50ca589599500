using System.Runtime.InteropServices;

namespace Ebpf.Dsl.Packets
{
    /// <summary>A UDP header (linux/udp.h <c>struct udphdr</c>), 8 bytes.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct UdpHeader
    {
        /// <summary>The header size in bytes.</summary>
        public const int Size = 8;

        private ushort _sourcePort;
        private ushort _destinationPort;
        private ushort _length;

        /// <summary>The checksum (0: none, IPv4 only), memory order.</summary>
        public ushort DatagramChecksum;

        /// <summary>Source port (source), host order.</summary>
        public ushort SourcePort
        {
            readonly get => Net.ToHost16(_sourcePort);
            set => _sourcePort = Net.ToNetwork16(value);
        }

        /// <summary>Destination port (dest), host order.</summary>
        public ushort DestinationPort
        {
            readonly get => Net.ToHost16(_destinationPort);
            set => _destinationPort = Net.ToNetwork16(value);
        }

        /// <summary>Header and payload length (len), host order.</summary>
        public ushort Length
        {
            readonly get => Net.ToHost16(_length);
            set => _length = Net.ToNetwork16(value);
        }
    }
}

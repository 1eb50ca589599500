using System.Runtime.InteropServices;

namespace Ebpf.Dsl.Packets
{
    /// <summary>A TCP header without options (linux/tcp.h <c>struct tcphdr</c>), 20 bytes.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct TcpHeader
    {
        /// <summary>The size of a header without options.</summary>
        public const int MinimumSize = 20;

        private ushort _sourcePort;
        private ushort _destinationPort;
        private uint _sequence;
        private uint _acknowledgment;
        private ushort _offsetAndFlags;
        private ushort _window;

        /// <summary>The checksum over pseudo-header and segment (check), memory order.</summary>
        public ushort SegmentChecksum;

        private ushort _urgentPointer;

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

        /// <summary>Sequence number (seq), host order.</summary>
        public uint Sequence
        {
            readonly get => Net.ToHost32(_sequence);
            set => _sequence = Net.ToNetwork32(value);
        }

        /// <summary>Acknowledgment number (ack_seq), host order.</summary>
        public uint Acknowledgment
        {
            readonly get => Net.ToHost32(_acknowledgment);
            set => _acknowledgment = Net.ToNetwork32(value);
        }

        /// <summary>Data offset (4 bits), reserved (3 bits) and flags (9 bits), host order.</summary>
        public ushort OffsetAndFlags
        {
            readonly get => Net.ToHost16(_offsetAndFlags);
            set => _offsetAndFlags = Net.ToNetwork16(value);
        }

        /// <summary>Header length in bytes (doff × 4).</summary>
        public readonly int HeaderLength => (OffsetAndFlags >> 12) << 2;

        /// <summary>FIN flag.</summary>
        public readonly bool Fin => (OffsetAndFlags & 0x001) != 0;

        /// <summary>SYN flag.</summary>
        public readonly bool Syn => (OffsetAndFlags & 0x002) != 0;

        /// <summary>RST flag.</summary>
        public readonly bool Rst => (OffsetAndFlags & 0x004) != 0;

        /// <summary>PSH flag.</summary>
        public readonly bool Psh => (OffsetAndFlags & 0x008) != 0;

        /// <summary>ACK flag.</summary>
        public readonly bool Ack => (OffsetAndFlags & 0x010) != 0;

        /// <summary>URG flag.</summary>
        public readonly bool Urg => (OffsetAndFlags & 0x020) != 0;

        /// <summary>ECE flag.</summary>
        public readonly bool Ece => (OffsetAndFlags & 0x040) != 0;

        /// <summary>CWR flag.</summary>
        public readonly bool Cwr => (OffsetAndFlags & 0x080) != 0;

        /// <summary>Window size (window), host order.</summary>
        public ushort Window
        {
            readonly get => Net.ToHost16(_window);
            set => _window = Net.ToNetwork16(value);
        }

        /// <summary>Urgent pointer (urg_ptr), host order.</summary>
        public ushort UrgentPointer
        {
            readonly get => Net.ToHost16(_urgentPointer);
            set => _urgentPointer = Net.ToNetwork16(value);
        }
    }
}

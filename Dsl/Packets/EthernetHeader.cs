using System.Runtime.InteropServices;

namespace Ebpf.Dsl.Packets
{
    /// <summary>An Ethernet II header (linux/if_ether.h <c>struct ethhdr</c>), 14 bytes.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct EthernetHeader
    {
        /// <summary>The header size in bytes (ETH_HLEN).</summary>
        public const int Size = 14;

        /// <summary>Destination address (h_dest).</summary>
        public MacAddress Destination;

        /// <summary>Source address (h_source).</summary>
        public MacAddress Source;

        private ushort _etherType;

        /// <summary>The protocol of what follows (h_proto), host order.</summary>
        public EtherType EtherType
        {
            readonly get => (EtherType)Net.ToHost16(_etherType);
            set => _etherType = Net.ToNetwork16((ushort)value);
        }
    }
}

using System.Runtime.InteropServices;

namespace Ebpf.Dsl.Packets
{
    /// <summary>
    /// The 4 bytes that follow an Ethernet header whose type is 802.1Q/802.1ad: tag control information and the
    /// encapsulated protocol (linux/if_vlan.h <c>struct vlan_hdr</c>).
    /// </summary>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct VlanHeader
    {
        /// <summary>The header size in bytes (VLAN_HLEN).</summary>
        public const int Size = 4;

        private ushort _tci;
        private ushort _encapsulatedProtocol;

        /// <summary>Tag control information (h_vlan_TCI), host order.</summary>
        public ushort Tci
        {
            readonly get => Net.ToHost16(_tci);
            set => _tci = Net.ToNetwork16(value);
        }

        /// <summary>Priority code point: the top 3 bits of the TCI.</summary>
        public readonly int Priority => Tci >> 13;

        /// <summary>Drop eligible indicator: bit 12 of the TCI.</summary>
        public readonly bool DropEligible => (Tci & 0x1000) != 0;

        /// <summary>VLAN id: the low 12 bits of the TCI (VLAN_VID_MASK).</summary>
        public readonly int VlanId => Tci & 0x0fff;

        /// <summary>The protocol of what follows (h_vlan_encapsulated_proto), host order.</summary>
        public EtherType EncapsulatedProtocol
        {
            readonly get => (EtherType)Net.ToHost16(_encapsulatedProtocol);
            set => _encapsulatedProtocol = Net.ToNetwork16((ushort)value);
        }
    }
}

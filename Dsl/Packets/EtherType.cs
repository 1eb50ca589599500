namespace Ebpf.Dsl.Packets
{
    /// <summary>Ethernet protocol numbers, host order (linux/if_ether.h ETH_P_*).</summary>
    public enum EtherType : ushort
    {
        /// <summary>IPv4. Kernel: ETH_P_IP.</summary>
        Ipv4 = 0x0800,
        /// <summary>ARP. Kernel: ETH_P_ARP.</summary>
        Arp = 0x0806,
        /// <summary>802.1Q VLAN tag. Kernel: ETH_P_8021Q.</summary>
        Vlan = 0x8100,
        /// <summary>IPv6. Kernel: ETH_P_IPV6.</summary>
        Ipv6 = 0x86DD,
        /// <summary>802.1ad service VLAN tag (QinQ). Kernel: ETH_P_8021AD.</summary>
        QinQ = 0x88A8,
    }
}

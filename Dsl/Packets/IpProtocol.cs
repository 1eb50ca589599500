namespace Ebpf.Dsl.Packets
{
    /// <summary>IP protocol numbers and IPv6 next-header values (linux/in.h IPPROTO_*).</summary>
    public enum IpProtocol : byte
    {
        /// <summary>IPv6 hop-by-hop options. Kernel: IPPROTO_HOPOPTS (NEXTHDR_HOP).</summary>
        HopByHop = 0,
        /// <summary>ICMP. Kernel: IPPROTO_ICMP.</summary>
        Icmp = 1,
        /// <summary>TCP. Kernel: IPPROTO_TCP.</summary>
        Tcp = 6,
        /// <summary>UDP. Kernel: IPPROTO_UDP.</summary>
        Udp = 17,
        /// <summary>IPv6 encapsulated. Kernel: IPPROTO_IPV6.</summary>
        Ipv6 = 41,
        /// <summary>IPv6 routing header. Kernel: IPPROTO_ROUTING.</summary>
        Routing = 43,
        /// <summary>IPv6 fragment header. Kernel: IPPROTO_FRAGMENT.</summary>
        Fragment = 44,
        /// <summary>Encapsulating security payload. Kernel: IPPROTO_ESP.</summary>
        Esp = 50,
        /// <summary>Authentication header. Kernel: IPPROTO_AH.</summary>
        Ah = 51,
        /// <summary>ICMPv6. Kernel: IPPROTO_ICMPV6.</summary>
        Icmpv6 = 58,
        /// <summary>No next header. Kernel: IPPROTO_NONE.</summary>
        NoNextHeader = 59,
        /// <summary>IPv6 destination options. Kernel: IPPROTO_DSTOPTS.</summary>
        DestinationOptions = 60,
    }
}

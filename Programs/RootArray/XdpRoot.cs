using Ebpf.Dsl;
using Ebpf.Dsl.Packets;

namespace Ebpf.Programs.RootArray
{
    /// <summary>
    /// The XDP root array's entry program: sanity checks that decide whether a frame is malformed, not for the slots,
    /// or worth trying the slots. The loader (Loader/RootArray/RootProgramLinker) links the tail calls into the N slots
    /// and the count of the final verdict in the root's row; the same checks in assembly (xdp_root.s) are the oracle a
    /// differential test compares this against.
    /// </summary>
    /// <remarks>
    /// Runt Ethernet, truncated IPv4 (IHL &lt; 5, options past the frame, version ≠ 4) or truncated IPv6 (version ≠ 6)
    /// → <see cref="RootVerdict.Aborted"/>; not IPv4/IPv6 (ARP, VLAN-tagged, …) or an IP protocol other than
    /// TCP/UDP/ICMP (IPv4) or TCP/UDP/ICMPv6 (IPv6 next header, extension headers included) →
    /// <see cref="RootVerdict.PassToKernel"/>; otherwise <see cref="RootVerdict.TrySlots"/>.
    /// Kernel: BPF_PROG_TYPE_XDP with BPF_XDP (4.8); direct packet access.
    /// </remarks>
    [License("GPL")]
    public static partial class XdpRoot
    {
        /// <summary>Classifies a frame for the root array.</summary>
        [XdpRoot]
        public static RootVerdict Root(XdpContext ctx)
        {
            var eth = ctx.Packet.At<EthernetHeader>(0);
            if (eth is null)
            {
                return RootVerdict.Aborted;
            }

            EtherType type = eth.Value.EtherType;
            if (type == EtherType.Ipv4)
            {
                return Ipv4(ctx);
            }

            if (type == EtherType.Ipv6)
            {
                return Ipv6(ctx);
            }

            return RootVerdict.PassToKernel;
        }

        private static RootVerdict Ipv4(XdpContext ctx)
        {
            var ip = ctx.Packet.At<Ipv4Header>(EthernetHeader.Size);
            if (ip is null || ip.Value.Version != 4 || ip.Value.Ihl < 5)
            {
                return RootVerdict.Aborted;
            }

            if (EthernetHeader.Size + ip.Value.HeaderLength > ctx.Packet.Length)
            {
                return RootVerdict.Aborted; // options run past the frame
            }

            IpProtocol protocol = ip.Value.Protocol;
            return protocol == IpProtocol.Tcp || protocol == IpProtocol.Udp || protocol == IpProtocol.Icmp
                ? RootVerdict.TrySlots
                : RootVerdict.PassToKernel;
        }

        private static RootVerdict Ipv6(XdpContext ctx)
        {
            var ip = ctx.Packet.At<Ipv6Header>(EthernetHeader.Size);
            var versionByte = ctx.Packet.At<byte>(EthernetHeader.Size); // Ipv6Header.Version has no lowering yet
            if (ip is null || versionByte is null || versionByte.Value >> 4 != 6)
            {
                return RootVerdict.Aborted;
            }

            IpProtocol next = ip.Value.NextHeader;
            return next == IpProtocol.Tcp || next == IpProtocol.Udp || next == IpProtocol.Icmpv6
                ? RootVerdict.TrySlots
                : RootVerdict.PassToKernel;
        }
    }
}

using Ebpf.Asm;
using Ebpf.Dsl;
using Ebpf.Dsl.Maps;
using Ebpf.Dsl.Packets;

namespace Ebpf.Programs.Filter
{
    /// <summary>
    /// The XDP filter, a root-array slot program behaving as ecbpf's xdp_filter: drops IPv4/IPv6 packets whose source
    /// is in a per-interface drop list (LPM tries), IPv4 with options or the evil bit, and (when configured) IPv4
    /// fragments, answering a first fragment with an ICMP "fragmentation needed" reply sent back with XDP_TX, at most
    /// ptb_max_pps per second. Frames too short for their headers are aborted. Everything else passes to the next slot.
    /// </summary>
    /// <remarks>
    /// Every map is pinned by name in the interface's directory (/sys/fs/bpf/ebpf-managed/&lt;iface&gt;/), so
    /// configuration, drop lists and counters are per interface. Kernel: BPF_PROG_TYPE_XDP (4.8),
    /// BPF_MAP_TYPE_LPM_TRIE (4.11), BPF_MAP_TYPE_PERCPU_ARRAY (4.6), bpf_xdp_adjust_head (4.10),
    /// bpf_xdp_adjust_tail (4.18), bpf_csum_diff (4.6), atomic fetch/compare-exchange (5.12).
    /// </remarks>
    [License("GPL")]
    public static partial class XdpFilter
    {
        /// <summary>Capacity of each drop list (ecbpf's XDP_FILTER_TRIE_MAX).</summary>
        public const int DropListCapacity = 8192;

        private const ushort ReservedFlag = 0x8000;
        private const ushort MoreFragmentsFlag = 0x2000;
        private const ushort OffsetMask = 0x1fff;

        static readonly ArrayMap<FilterConfig> filter_config = new(maxEntries: 1, pinning: MapPinning.ByName);
        static readonly LpmTrieMap<uint, FilterDropEntry> filter_drop4 = new(maxEntries: DropListCapacity, pinning: MapPinning.ByName);
        static readonly LpmTrieMap<Ipv6Address, FilterDropEntry> filter_drop6 = new(maxEntries: DropListCapacity, pinning: MapPinning.ByName);
        static readonly PerCpuArrayMap<FilterStats> filter_stats = new(maxEntries: 1, pinning: MapPinning.ByName);
        static readonly ArrayMap<PtbRateWindow> filter_ptb = new(maxEntries: 1, pinning: MapPinning.ByName);

        /// <summary>The filter: the verdict for one frame (PASS hands it to the next slot).</summary>
        [XdpSlot(0)]
        public static XdpAction Filter(XdpContext ctx)
        {
            var config = filter_config.Lookup(0);
            var stats = filter_stats.Lookup(0);
            if (config is null || stats is null)
            {
                return XdpAction.Pass; // never drop on an internal failure
            }

            var eth = ctx.Packet.At<EthernetHeader>(0);
            if (eth is null)
            {
                stats.Value.EthFrameErr++;
                return XdpAction.Aborted;
            }

            EtherType etherType = eth.Value.EtherType;
            if (etherType == EtherType.Ipv6)
            {
                return FilterIpv6(ctx, stats);
            }

            if (etherType != EtherType.Ipv4)
            {
                return XdpAction.Pass;
            }

            var ip = ctx.Packet.At<Ipv4Header>(EthernetHeader.Size);
            if (ip is null)
            {
                stats.Value.EthFrameErr++;
                return XdpAction.Aborted;
            }

            if (ip.Value.VersionAndIhl != 0x45)
            {
                stats.Value.IpHeaderErr++; // options (or not IPv4 at all)
                return XdpAction.Drop;
            }

            int totalLength = ip.Value.TotalLength;
            if (totalLength + EthernetHeader.Size > ctx.Packet.Length)
            {
                stats.Value.IpHeaderErr++;
                return XdpAction.Aborted;
            }

            int flags = ip.Value.FlagsAndFragmentOffset;
            if ((flags & ReservedFlag) != 0)
            {
                stats.Value.IpHeaderErr++; // the evil bit (RFC 3514)
                return XdpAction.Drop;
            }

            var key4 = new LpmKey<uint>(32, ip.Value.SourceAddress);
            if (filter_drop4.Lookup(key4) is not null)
            {
                stats.Value.IpDropCount++;
                return XdpAction.Drop;
            }

            if (config.Value.FragsDrop == 0 || (flags & (MoreFragmentsFlag | OffsetMask)) == 0)
            {
                return XdpAction.Pass;
            }

            stats.Value.IpFragDropCount++;
            if (config.Value.PtbSend == 0 || (flags & (MoreFragmentsFlag | OffsetMask)) != MoreFragmentsFlag)
            {
                return XdpAction.Drop;
            }

            int payloadLength = totalLength - Ipv4Header.MinimumSize;
            if (payloadLength < 8 || (payloadLength & 7) != 0)
            {
                stats.Value.IpHeaderErr++; // a first fragment's payload is a non-zero multiple of 8
                return XdpAction.Drop;
            }

            if (!GrantReply(config.Value.PtbMaxPps))
            {
                stats.Value.PtbErrCount++;
                return XdpAction.Drop;
            }

            return SendFragmentationNeeded(ctx, stats, (ushort)totalLength);
        }

        private static XdpAction FilterIpv6(XdpContext ctx, MapValue<FilterStats> stats)
        {
            var ip6 = ctx.Packet.At<Ipv6Header>(EthernetHeader.Size);
            if (ip6 is null)
            {
                stats.Value.EthFrameErr++;
                return XdpAction.Aborted;
            }

            if (ip6.Value.PayloadLength + Ipv6Header.Size + EthernetHeader.Size > ctx.Packet.Length)
            {
                stats.Value.Ip6HeaderErr++;
                return XdpAction.Aborted;
            }

            var key6 = new LpmKey<Ipv6Address>(128, ip6.Value.SourceAddress);
            if (filter_drop6.Lookup(key6) is not null)
            {
                stats.Value.Ip6DropCount++;
                return XdpAction.Drop;
            }

            return XdpAction.Pass;
        }
    }
}

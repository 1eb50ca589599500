using Ebpf.Dsl;
using Ebpf.Dsl.Maps;
using Ebpf.Dsl.Packets;

namespace Ebpf.Programs.Filter
{
    /// <summary>The "fragmentation needed" reply and its rate limit.</summary>
    public static partial class XdpFilter
    {
        private const ulong NanosecondsPerSecond = 1_000_000_000UL;
        private const byte ReplyTimeToLive = 64;

        // At most maxPerSecond grants per second of bpf_ktime_get_ns, across CPUs: the first grant of a new second
        // swaps the window in with a compare-exchange; later ones count with a fetch-add and are granted while the
        // count they saw is below the limit in that same second.
        private static bool GrantReply(uint maxPerSecond)
        {
            var window = filter_ptb.Lookup(0);
            if (window is null || maxPerSecond == 0)
            {
                return false;
            }

            ulong second = Bpf.KtimeGetNs() / NanosecondsPerSecond;
            ulong seen = window.Value.SecondAndCount;
            if (seen >> 32 != second)
            {
                ulong fresh = (second << 32) | 1UL;
                if (Atomic.CompareExchange(ref window.Value.SecondAndCount, fresh, seen) == seen)
                {
                    return true;
                }
            }

            ulong before = Atomic.FetchAdd(ref window.Value.SecondAndCount, 1UL);
            return before >> 32 == second && (before & 0xffffffffUL) < maxPerSecond;
        }

        // Rewrites the first fragment in place into the 70-byte reply: 28 bytes pushed in front (IPv4 + ICMP header),
        // so the fragment's IPv4 header and first 8 payload bytes land where the reply quotes them; the rest trimmed.
        private static XdpAction SendFragmentationNeeded(XdpContext ctx, MapValue<FilterStats> stats, ushort mtu)
        {
            var eth = ctx.Packet.At<EthernetHeader>(0);
            if (eth is null)
            {
                stats.Value.PtbMemErrCount++;
                return XdpAction.Aborted;
            }

            EthernetHeader received = eth.Value; // a copy: the frame's addresses are overwritten once it moves
            int receivedLength = ctx.Packet.Length;
            const int pushed = Ipv4Header.MinimumSize + IcmpHeader.Size;
            if (ctx.AdjustHead(-pushed) != 0)
            {
                stats.Value.PtbMemErrCount++;
                return XdpAction.Aborted;
            }

            int trim = PtbReply.Size - pushed - receivedLength;
            if (trim != 0 && ctx.AdjustTail(trim) != 0)
            {
                stats.Value.PtbMemErrCount++;
                return XdpAction.Aborted;
            }

            var reply = ctx.Packet.At<PtbReply>(0);
            if (reply is null)
            {
                stats.Value.PtbMemErrCount++;
                return XdpAction.Aborted;
            }

            reply.Value.Ethernet.Destination = received.Source;
            reply.Value.Ethernet.Source = received.Destination;
            reply.Value.Ethernet.EtherType = EtherType.Ipv4;

            reply.Value.Ip.VersionAndIhl = 0x45;
            reply.Value.Ip.TypeOfService = 0;
            reply.Value.Ip.TotalLength = PtbReply.Size - EthernetHeader.Size;
            reply.Value.Ip.Identification = 0;
            reply.Value.Ip.FlagsAndFragmentOffset = 0;
            reply.Value.Ip.TimeToLive = ReplyTimeToLive;
            reply.Value.Ip.Protocol = IpProtocol.Icmp;
            reply.Value.Ip.HeaderChecksum = 0;
            reply.Value.Ip.SourceAddress = reply.Value.Message.QuotedHeader.DestinationAddress;
            reply.Value.Ip.DestinationAddress = reply.Value.Message.QuotedHeader.SourceAddress;
            // bpf_csum_diff returns the sum folded to 16 bits (6.13+) or the 32-bit accumulator: Fold takes either.
            reply.Value.Ip.HeaderChecksum = Checksum.Fold((uint)Bpf.CsumDiff(in reply.Value.Ip, 0u));

            reply.Value.Message.Icmp.Type = IcmpHeader.DestinationUnreachable;
            reply.Value.Message.Icmp.Code = IcmpHeader.FragmentationNeeded;
            reply.Value.Message.Icmp.MessageChecksum = 0;
            reply.Value.Message.Icmp.NextHopMtu = mtu; // also zeroes the unused half
            reply.Value.Message.Icmp.MessageChecksum = Checksum.Fold((uint)Bpf.CsumDiff(in reply.Value.Message, 0u));

            stats.Value.PtbSentCount++;
            return XdpAction.Tx;
        }
    }
}

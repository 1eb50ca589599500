using Ebpf.Dsl.Maps;
using Ebpf.Dsl.Packets;

namespace Ebpf.Dsl.Tests.Programs
{
    /// <summary>A filter-shaped XDP program: drops IPv4 sources listed in an LPM trie, options and the evil bit.</summary>
    public static class SourceFilter
    {
        public static readonly LpmTrieMap<uint, ulong> DropSources = new(maxEntries: 16);
        public static readonly PerCpuArrayMap<ulong> Drops = new(maxEntries: 1);

        [Xdp]
        public static XdpAction Filter(XdpContext ctx)
        {
            var eth = ctx.Packet.At<EthernetHeader>(0);
            if (eth is null)
            {
                return XdpAction.Drop;
            }

            if (eth.Value.EtherType != EtherType.Ipv4)
            {
                return XdpAction.Pass;
            }

            var ip = ctx.Packet.At<Ipv4Header>(EthernetHeader.Size);
            if (ip is null)
            {
                return XdpAction.Drop;
            }

            bool drop = ip.Value.HasOptions || ip.Value.EvilBit;
            var listed = DropSources.Lookup(new LpmKey<uint>(32, ip.Value.SourceAddress));
            if (listed is not null)
            {
                Atomic.Add(ref listed.Value, 1);
                drop = true;
            }

            if (!drop)
            {
                return XdpAction.Pass;
            }

            var drops = Drops.Lookup(0);
            if (drops is not null)
            {
                drops.Value++;
            }

            return XdpAction.Drop;
        }
    }
}

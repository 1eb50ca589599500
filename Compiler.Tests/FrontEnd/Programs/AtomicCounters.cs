using Ebpf.Dsl;
using Ebpf.Dsl.Maps;

namespace Ebpf.Compiler.Tests.FrontEnd.Programs
{
    /// <summary>
    /// Counters shared by CPUs, changed with <see cref="Atomic"/>: plain add (64- and 32-bit), fetch-add, exchange and
    /// compare-exchange on a map value, whose results feed the verdict, so kernel and CLR must agree run after run.
    /// </summary>
    public static class AtomicCounters
    {
        public struct Totals
        {
            public ulong Packets;
            public ulong Bytes;
            public uint Small;
            public uint Large;
            public ulong Last;
            public ulong Matched;
        }

        public static readonly ArrayMap<Totals> Stats = new(maxEntries: 1);

        [Xdp]
        public static XdpAction Count(XdpContext ctx)
        {
            var totals = Stats.Lookup(0);
            if (totals is null)
            {
                return XdpAction.Aborted;
            }

            int length = ctx.Packet.Length;
            Atomic.Add(ref totals.Value.Packets, 1);
            ulong before = Atomic.FetchAdd(ref totals.Value.Bytes, (ulong)length);
            if (length < 100)
            {
                Atomic.Add(ref totals.Value.Small, 1u);
            }
            else
            {
                Atomic.Add(ref totals.Value.Large, 1u);
            }

            ulong previous = Atomic.Exchange(ref totals.Value.Last, (ulong)length);
            ulong seen = Atomic.CompareExchange(ref totals.Value.Matched, before, previous);
            return (before + seen) % 3 == 0 ? XdpAction.Pass : XdpAction.Drop;
        }
    }
}

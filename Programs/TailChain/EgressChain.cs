using Ebpf.Dsl;
using Ebpf.Dsl.Maps;

namespace Ebpf.Programs.TailChain
{
    /// <summary>
    /// Three cgroup_skb/egress programs chained by tail calls that share a per-CPU context: the first resets it and
    /// sets a value, the second sets another, the third reads both (the seed's chain, with its bugs fixed).
    /// </summary>
    /// <remarks>Kernel: BPF_PROG_TYPE_CGROUP_SKB with BPF_CGROUP_INET_EGRESS (4.10), BPF_MAP_TYPE_PERCPU_ARRAY (4.6),
    /// BPF_MAP_TYPE_PROG_ARRAY and bpf_tail_call (4.2).</remarks>
    [License("GPL")]
    public static partial class EgressChain
    {
        /// <summary>The value the first stage writes.</summary>
        public const byte FirstValue = 11;

        /// <summary>The value the second stage writes.</summary>
        public const byte SecondValue = 22;

        static readonly PerCpuArrayMap<TailContext> TailContextMap = new(maxEntries: 1);
        static readonly ProgramArrayMap<SkBuffContext, CgroupSkbVerdict> TailPrograms = new(maxEntries: 2);

        /// <summary>First stage: resets the shared context, sets its value, tail-calls <see cref="Egress2"/>.</summary>
        [CgroupSkb(CgroupSkbDirection.Egress)]
        public static CgroupSkbVerdict Egress1(SkBuffContext ctx)
        {
            var shared = TailContextMap.Lookup(0);
            if (shared is null)
            {
                return CgroupSkbVerdict.Allow;
            }

            shared.Value = default;
            shared.Value.ValueFrom1 = FirstValue;
            return TailPrograms.TailCall(ctx, Egress2) ?? CgroupSkbVerdict.Drop;
        }

        /// <summary>Second stage: sets its value, tail-calls <see cref="Egress3"/>.</summary>
        [CgroupSkb(CgroupSkbDirection.Egress)]
        public static CgroupSkbVerdict Egress2(SkBuffContext ctx)
        {
            var shared = TailContextMap.Lookup(0);
            if (shared is null)
            {
                return CgroupSkbVerdict.Allow;
            }

            shared.Value.ValueFrom2 = SecondValue;
            return TailPrograms.TailCall(ctx, Egress3) ?? CgroupSkbVerdict.Drop;
        }

        /// <summary>Third stage: reads both values (trace_printk) and allows the packet when both stages ran.</summary>
        [CgroupSkb(CgroupSkbDirection.Egress)]
        public static CgroupSkbVerdict Egress3(SkBuffContext ctx)
        {
            var shared = TailContextMap.Lookup(0);
            if (shared is null)
            {
                return CgroupSkbVerdict.Allow;
            }

            Bpf.TracePrintk("[egress3] first=%d second=%d", shared.Value.ValueFrom1, shared.Value.ValueFrom2);
            return shared.Value.ValueFrom1 == FirstValue && shared.Value.ValueFrom2 == SecondValue
                ? CgroupSkbVerdict.Allow
                : CgroupSkbVerdict.Drop;
        }
    }
}

using Ebpf.Dsl.Maps;

namespace Ebpf.Dsl.Tests.TailCalls
{
    /// <summary>The seed blog post's three cgroup_skb/egress programs, written in the DSL with its bugs fixed.</summary>
    public static class EgressChain
    {
        public static readonly PerCpuArrayMap<TailContext> TailContextMap = new(maxEntries: 1);
        public static readonly ProgramArrayMap<SkBuffContext, CgroupSkbVerdict> TailPrograms = new(maxEntries: 2);

        [CgroupSkb(CgroupSkbDirection.Egress)]
        public static CgroupSkbVerdict Egress1(SkBuffContext ctx)
        {
            var shared = TailContextMap.Lookup(0);
            if (shared is null)
            {
                return CgroupSkbVerdict.Allow;
            }

            shared.Value = default;
            shared.Value.ValueFrom1 = 11;
            return TailPrograms.TailCall(ctx, Egress2) ?? CgroupSkbVerdict.Drop;
        }

        [CgroupSkb(CgroupSkbDirection.Egress)]
        public static CgroupSkbVerdict Egress2(SkBuffContext ctx)
        {
            var shared = TailContextMap.Lookup(0);
            if (shared is null)
            {
                return CgroupSkbVerdict.Allow;
            }

            shared.Value.ValueFrom2 = 22;
            return TailPrograms.TailCall(ctx, Egress3) ?? CgroupSkbVerdict.Drop;
        }

        [CgroupSkb(CgroupSkbDirection.Egress)]
        public static CgroupSkbVerdict Egress3(SkBuffContext ctx)
        {
            var shared = TailContextMap.Lookup(0);
            if (shared is null)
            {
                return CgroupSkbVerdict.Allow;
            }

            Bpf.TracePrintk("[egress3] first=%d second=%d", shared.Value.ValueFrom1, shared.Value.ValueFrom2);
            return CgroupSkbVerdict.Allow;
        }
    }
}

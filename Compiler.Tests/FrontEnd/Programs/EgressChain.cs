using Ebpf.Dsl;
using Ebpf.Dsl.Maps;

namespace Ebpf.Compiler.Tests.FrontEnd.Programs
{
    /// <summary>
    /// The seed's tail-call chain in the DSL: Egress1 resets the shared per-CPU context and sets 11, tail-calls
    /// Egress2 which sets 22, tail-calls Egress3 which allows the packet only if it sees both values.
    /// </summary>
    public static class EgressChain
    {
        public static readonly PerCpuArrayMap<TailContext> Shared = new(maxEntries: 1);
        public static readonly ProgramArrayMap<SkBuffContext, CgroupSkbVerdict> Next = new(maxEntries: 2);

        [CgroupSkb(CgroupSkbDirection.Egress)]
        public static CgroupSkbVerdict Egress1(SkBuffContext ctx)
        {
            var shared = Shared.Lookup(0);
            if (shared is null)
            {
                return CgroupSkbVerdict.Allow;
            }

            shared.Value = default;
            shared.Value.ValueFrom1 = 11;
            return Next.TailCall(ctx, Egress2) ?? CgroupSkbVerdict.Drop;
        }

        [CgroupSkb(CgroupSkbDirection.Egress)]
        public static CgroupSkbVerdict Egress2(SkBuffContext ctx)
        {
            var shared = Shared.Lookup(0);
            if (shared is null)
            {
                return CgroupSkbVerdict.Allow;
            }

            shared.Value.ValueFrom2 = 22;
            return Next.TailCall(ctx, Egress3) ?? CgroupSkbVerdict.Drop;
        }

        [CgroupSkb(CgroupSkbDirection.Egress)]
        public static CgroupSkbVerdict Egress3(SkBuffContext ctx)
        {
            var shared = Shared.Lookup(0);
            if (shared is null)
            {
                return CgroupSkbVerdict.Drop;
            }

            return shared.Value.ValueFrom1 == 11 && shared.Value.ValueFrom2 == 22 ? CgroupSkbVerdict.Allow : CgroupSkbVerdict.Drop;
        }
    }
}

using Ebpf.Dsl;
using Ebpf.Dsl.Maps;

namespace Ebpf.Compiler.Tests.FrontEnd.Programs
{
    /// <summary>
    /// The XDP twin of <see cref="EgressChain"/>: Xdp1 resets the shared per-CPU context and sets 11, tail-calls
    /// Xdp2 which sets 22, tail-calls Xdp3 which passes the packet only if it sees both values.
    /// </summary>
    public static class XdpChain
    {
        public static readonly PerCpuArrayMap<TailContext> Shared = new(maxEntries: 1);
        public static readonly ProgramArrayMap<XdpContext, XdpAction> Next = new(maxEntries: 2);

        [Xdp]
        public static XdpAction Xdp1(XdpContext ctx)
        {
            var shared = Shared.Lookup(0);
            if (shared is null)
            {
                return XdpAction.Pass;
            }

            shared.Value = default;
            shared.Value.ValueFrom1 = 11;
            return Next.TailCall(ctx, Xdp2) ?? XdpAction.Drop;
        }

        [Xdp]
        public static XdpAction Xdp2(XdpContext ctx)
        {
            var shared = Shared.Lookup(0);
            if (shared is null)
            {
                return XdpAction.Pass;
            }

            shared.Value.ValueFrom2 = 22;
            return Next.TailCall(ctx, Xdp3) ?? XdpAction.Drop;
        }

        [Xdp]
        public static XdpAction Xdp3(XdpContext ctx)
        {
            var shared = Shared.Lookup(0);
            if (shared is null)
            {
                return XdpAction.Drop;
            }

            return shared.Value.ValueFrom1 == 11 && shared.Value.ValueFrom2 == 22 ? XdpAction.Pass : XdpAction.Drop;
        }
    }
}

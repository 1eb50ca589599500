using Ebpf.Dsl.Maps;

namespace Ebpf.Dsl.Tests.TailCalls
{
    /// <summary>An XDP program that counts its runs and tail-calls itself until the kernel's limit stops it.</summary>
    public static class SelfLoop
    {
        public static readonly ArrayMap<uint> Runs = new(maxEntries: 1);
        public static readonly ProgramArrayMap<XdpContext, XdpAction> Self = new(maxEntries: 1);

        [Xdp]
        public static XdpAction Loop(XdpContext ctx)
        {
            var runs = Runs.Lookup(0);
            if (runs is not null)
            {
                runs.Value++;
            }

            return Self.TailCall(ctx, Loop) ?? XdpAction.Pass;
        }
    }
}

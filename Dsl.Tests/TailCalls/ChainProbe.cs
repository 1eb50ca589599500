using Ebpf.Dsl.Maps;

namespace Ebpf.Dsl.Tests.TailCalls
{
    /// <summary>KernelProbes/ring-and-tail-calls.bpf.c's <c>chain</c>: slot 0 holds itself, slot 1 stays empty.</summary>
    public static class ChainProbe
    {
        public static readonly ArrayMap<long> Runs = new(maxEntries: 1);
        public static readonly ProgramArrayMap<XdpContext, XdpAction> Slots = new(maxEntries: 2);

        [Xdp]
        public static XdpAction Chain(XdpContext ctx)
        {
            var runs = Runs.Lookup(0);
            if (runs is null)
            {
                return XdpAction.Aborted;
            }

            runs.Value++;
            if (runs.Value == 1)
            {
                for (int i = 0; i < 10; i++)
                {
                    if (Slots.TailCall(ctx, 1) is { } fromEmpty)
                    {
                        return fromEmpty;
                    }
                }
            }

            return Slots.TailCall(ctx, 0) ?? XdpAction.Drop;
        }
    }
}

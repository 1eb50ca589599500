using Ebpf.Dsl.Maps;

namespace Ebpf.Dsl.Tests.TailCalls
{
    /// <summary>The seed's second bug: a PROG_ARRAY with max_entries 1 for two tail-call targets.</summary>
    public static class TwoTargetsOneSlot
    {
        public static readonly ProgramArrayMap<XdpContext, XdpAction> Chain = new(maxEntries: 1);

        [Xdp]
        public static XdpAction First(XdpContext ctx) => Chain.TailCall(ctx, Second) ?? XdpAction.Pass;

        [Xdp]
        public static XdpAction Second(XdpContext ctx) => Chain.TailCall(ctx, Third) ?? XdpAction.Pass;

        [Xdp]
        public static XdpAction Third(XdpContext ctx) => XdpAction.Drop;
    }
}

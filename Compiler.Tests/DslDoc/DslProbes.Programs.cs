namespace Ebpf.Compiler.Tests.DslDoc
{
    internal static partial class DslProbes
    {
        /// <summary>Program attributes, signatures and tail calls.</summary>
        private static DslProbe[] Programs() => new[]
        {
            DslProbe.Class("xdp-program", "[Xdp]\n    public static XdpAction Run(XdpContext ctx) => XdpAction.Pass;"),
            DslProbe.SocketFilter("socket-filter-program", "return ctx.Length;"),
            DslProbe.Class("cgroup-skb-program", "[CgroupSkb(CgroupSkbDirection.Egress)]\n    public static CgroupSkbVerdict Run(SkBuffContext ctx) => ctx.Length > 1500 ? CgroupSkbVerdict.Drop : CgroupSkbVerdict.Allow;"),
            DslProbe.Class("sched-cls-program", "[SchedCls]\n    public static TcAction Run(SkBuffContext ctx) => TcAction.Ok;"),
            DslProbe.Class("program-signature", "[Xdp]\n    public static [|int|] Bad(XdpContext ctx) => 0;"),
            DslProbe.Class("tail-call-named", "static readonly ProgramArrayMap<XdpContext, XdpAction> Next = new(maxEntries: 1);\n    [Xdp]\n    public static XdpAction A(XdpContext ctx) => Next.TailCall(ctx, B) ?? XdpAction.Drop;\n    [Xdp]\n    public static XdpAction B(XdpContext ctx) => XdpAction.Pass;"),
            DslProbe.Class("tail-call-slot", "static readonly ProgramArrayMap<XdpContext, XdpAction> Root = new(maxEntries: 4);\n    [Xdp]\n    public static XdpAction A(XdpContext ctx) => Root.TailCall(ctx, 2u) ?? XdpAction.Pass;"),
            DslProbe.Class("tail-call-result-kept", "static readonly ProgramArrayMap<XdpContext, XdpAction> Next = new(maxEntries: 1);\n    [Xdp]\n    public static XdpAction A(XdpContext ctx)\n    {\n        [|XdpAction? result = Next.TailCall(ctx, B);|]\n        return result ?? XdpAction.Drop;\n    }\n    [Xdp]\n    public static XdpAction B(XdpContext ctx) => XdpAction.Pass;"),
            DslProbe.Class("tail-call-type-mismatch", "static readonly ProgramArrayMap<SkBuffContext, CgroupSkbVerdict> Next = new(maxEntries: 2);\n    [CgroupSkb(CgroupSkbDirection.Egress)]\n    public static CgroupSkbVerdict Out(SkBuffContext ctx) => Next.TailCall(ctx, [|In|]) ?? CgroupSkbVerdict.Drop;\n    [CgroupSkb(CgroupSkbDirection.Ingress)]\n    public static CgroupSkbVerdict In(SkBuffContext ctx) => CgroupSkbVerdict.Allow;"),
            DslProbe.Class("tail-call-too-many-targets", "static readonly ProgramArrayMap<XdpContext, XdpAction> Next = new(maxEntries: 1);\n    [Xdp]\n    public static XdpAction A(XdpContext ctx) => Next.TailCall(ctx, B) ?? XdpAction.Drop;\n    [Xdp]\n    public static XdpAction B(XdpContext ctx) => Next.TailCall(ctx, [|C|]) ?? XdpAction.Drop;\n    [Xdp]\n    public static XdpAction C(XdpContext ctx) => XdpAction.Pass;"),
        };
    }
}

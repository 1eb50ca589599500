namespace Ebpf.Compiler.Tests.DslDoc
{
    internal static partial class DslProbes
    {
        /// <summary>Packet access and context fields.</summary>
        private static DslProbe[] Packets() => new[]
        {
            DslProbe.Xdp("packet-length", "int r = ctx.Packet.Length;" + Verdict),
            DslProbe.Xdp("packet-at", "var ip = ctx.Packet.At<Ipv4Header>(14); if (ip is null) return XdpAction.Pass; return ip.Value.TimeToLive == 0 ? XdpAction.Drop : XdpAction.Pass;"),
            DslProbe.Xdp("packet-at-variable-offset", "var eth = ctx.Packet.At<EthernetHeader>(0); if (eth is null) return XdpAction.Drop; int offset = eth.Value.EtherType == EtherType.Vlan ? 18 : 14; var ip = ctx.Packet.At<Ipv4Header>(offset); if (ip is null) return XdpAction.Pass; return ip.Value.TimeToLive == 0 ? XdpAction.Drop : XdpAction.Pass;"),
            DslProbe.Xdp("packet-try-read", "if (!ctx.Packet.TryRead<uint>(0, out uint first)) return XdpAction.Drop; long r = first;" + Verdict),
            DslProbe.Xdp("packet-try-write", "ushort marker = 0xbeef; bool written = ctx.Packet.TryWrite(12, in marker); int r = written ? 1 : 0;" + Verdict),
            DslProbe.Xdp("packet-header-properties", "var eth = ctx.Packet.At<EthernetHeader>(0); if (eth is null) return XdpAction.Drop; if (eth.Value.EtherType == EtherType.Ipv6) eth.Value.EtherType = EtherType.Ipv4; return XdpAction.Pass;"),
            DslProbe.Xdp("packet-ref-unchecked", "var eth = ctx.Packet.At<EthernetHeader>(0); [|eth!|].Value.EtherType = EtherType.Ipv4; return XdpAction.Pass;"),
            DslProbe.Xdp("packet-metadata", "var meta = ctx.Metadata.At<uint>(0); if (meta is null) return XdpAction.Pass; return meta.Value == 1 ? XdpAction.Drop : XdpAction.Pass;"),
            DslProbe.Xdp("xdp-adjust-head", "long r = ctx.AdjustHead(-4); if (r != 0) return XdpAction.Aborted; var eth = ctx.Packet.At<EthernetHeader>(4); if (eth is null) return XdpAction.Drop; return XdpAction.Pass;"),
            DslProbe.Xdp("xdp-adjust-tail-and-meta", "long r = ctx.AdjustTail(-4) + ctx.AdjustMeta(-4);" + Verdict),
            DslProbe.Xdp("xdp-load-bytes", "System.Span<byte> buffer = stackalloc byte[8]; long r = ctx.LoadBytes(0, buffer);" + Verdict),
            DslProbe.Xdp("xdp-load-bytes-length", "var c = Stats.Lookup(0); if (c is null) return XdpAction.Pass; long r = ctx.LoadBytes(0, ref c.Value, ctx.Packet.Length - 14);" + Verdict, MapFields),
            DslProbe.Xdp("xdp-context-fields", "uint r = ctx.IngressIfindex + ctx.RxQueueIndex;" + Verdict),
            DslProbe.Xdp("xdp-redirect", "return ctx.Redirect(2);"),
            DslProbe.SocketFilter("sk-buff-context-fields", "return ctx.Protocol == EtherType.Ipv4 ? ctx.Length : 0u;"),
            DslProbe.SocketFilter("sk-buff-control-buffer", "ctx.Cb[0] = ctx.Length; return ctx.Cb[0];"),
            DslProbe.Class("sk-buff-mark-write", "[SchedCls]\n    public static TcAction Run(SkBuffContext ctx) { ctx.Mark = 7; return TcAction.Ok; }"),
            DslProbe.Class("sk-buff-packet", "[SchedCls]\n    public static TcAction Run(SkBuffContext ctx) { var eth = ctx.Packet.At<EthernetHeader>(0); if (eth is null) return TcAction.Shot; return eth.Value.EtherType == EtherType.Arp ? TcAction.Shot : TcAction.Ok; }"),
            DslProbe.Class("sk-buff-redirect", "[SchedCls]\n    public static TcAction Run(SkBuffContext ctx) => ctx.Redirect(3);"),
        };
    }
}

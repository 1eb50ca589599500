namespace Ebpf.Compiler.Tests.DslDoc
{
    internal static partial class DslProbes
    {
        private const string MapFields = @"
    public struct Counters { public ulong Packets; public ulong Bytes; }
    public struct Pair { public uint A; public ushort B; public byte C; }
    static readonly ArrayMap<Counters> Stats = new(maxEntries: 4);
    static readonly HashMap<uint, Pair> Pairs = new(maxEntries: 16);
    static readonly PerCpuArrayMap<Counters> CpuStats = new(maxEntries: 1);
    static readonly PerCpuHashMap<uint, ulong> CpuHash = new(maxEntries: 16);
    static readonly LruHashMap<uint, ulong> Recent = new(maxEntries: 16);
    static readonly LpmTrieMap<uint, uint> Routes = new(maxEntries: 16);
    static readonly RingBufferMap Events = new(sizeBytes: 4096);
    static readonly DeviceMap Ports = new(maxEntries: 4);
";

        /// <summary>Maps, atomics and ring buffers.</summary>
        private static DslProbe[] Maps() => new[]
        {
            DslProbe.Xdp("map-lookup-null-check", "var c = Stats.Lookup(0); if (c is null) return XdpAction.Aborted; c.Value.Packets += 1; return XdpAction.Pass;", MapFields),
            DslProbe.Xdp("map-lookup-not-null", "var c = Stats.Lookup(2); if (c != null) { c.Value.Packets = 1; } return XdpAction.Pass;", MapFields),
            DslProbe.Xdp("map-value-ref-local", "var c = Stats.Lookup(0); if (c is null) return XdpAction.Aborted; ref Counters v = ref c.Value; v.Bytes += (ulong)ctx.Packet.Length; return XdpAction.Pass;", MapFields),
            DslProbe.Xdp("map-value-unchecked", "var c = Stats.Lookup(0); if (ctx.Packet.Length > 0) [|c.Value.Packets|] = 1; return XdpAction.Pass;", MapFields),
            DslProbe.Xdp("map-value-null-forgiving", "var c = Stats.Lookup(0); [|c!|].Value.Packets = 1; return XdpAction.Pass;", MapFields),
            DslProbe.Xdp("map-update", "uint key = 7; Pair value = default; value.A = 1; long r = Pairs.Update(key, value);" + Verdict, MapFields),
            DslProbe.Xdp("map-update-flags", "Pair value = default; long r = Pairs.Update(3u, value, UpdateFlags.NoExist);" + Verdict, MapFields),
            DslProbe.Xdp("map-delete", "long r = Pairs.Delete(7u);" + Verdict, MapFields),
            DslProbe.Xdp("per-cpu-maps", "var c = CpuStats.Lookup(0); if (c is null) return XdpAction.Aborted; c.Value.Packets++; long r = CpuHash.Update(1u, 2UL);" + Verdict, MapFields),
            DslProbe.Xdp("lru-hash-map", "var v = Recent.Lookup(1u); if (v is null) { Recent.Update(1u, 1UL); return XdpAction.Pass; } v.Value++; return XdpAction.Pass;", MapFields),
            DslProbe.Xdp("lpm-key-constructor", "var key = new LpmKey<uint>(32, 0x0100000a); var route = Routes.Lookup(key); if (route is null) return XdpAction.Drop; long r = route.Value;" + Verdict, MapFields),
            DslProbe.Xdp("lpm-trie-map", "LpmKey<uint> key = default; key.PrefixLength = 32; key.Data = 0x0100000a; var route = Routes.Lookup(key); if (route is null) return XdpAction.Drop; long r = route.Value;" + Verdict, MapFields),
            DslProbe.Xdp("managed-only-member", "[|Stats.Clear()|]; return XdpAction.Pass;", MapFields),
            DslProbe.Class("map-arguments-not-constant", "static int Size() => 4;\n    static readonly ArrayMap<uint> M = new([|maxEntries: Size()|]);\n    [Xdp]\n    public static XdpAction Run(XdpContext ctx) => XdpAction.Pass;"),
            DslProbe.Xdp("atomics", "var c = Stats.Lookup(1); if (c is null) return XdpAction.Aborted; Atomic.Add(ref c.Value.Packets, 1UL); ulong before = Atomic.FetchAdd(ref c.Value.Bytes, (ulong)ctx.Packet.Length); long r = (long)before;" + Verdict, MapFields),
            DslProbe.Xdp("atomic-exchange", "var c = Stats.Lookup(1); if (c is null) return XdpAction.Aborted; ulong old = Atomic.CompareExchange(ref c.Value.Packets, 5UL, 4UL); old += Atomic.Exchange(ref c.Value.Bytes, 0UL); long r = (long)old;" + Verdict, MapFields),
            DslProbe.Xdp("ring-buffer-output", "Pair p = default; p.A = (uint)ctx.Packet.Length; long r = Events.Output(p);" + Verdict, MapFields),
            DslProbe.Xdp("ring-buffer-reserve-submit", "var rec = Events.Reserve<Pair>(); if (rec is null) return XdpAction.Pass; rec.Value.A = (uint)ctx.Packet.Length; rec.Submit(); return XdpAction.Pass;", MapFields),
            DslProbe.Xdp("ring-buffer-reserve-discard", "var rec = Events.Reserve<Pair>(); if (rec is null) return XdpAction.Pass; rec.Value.A = 0; rec.Discard(); return XdpAction.Pass;", MapFields),
            DslProbe.Xdp("ring-buffer-record-unchecked", "var rec = Events.Reserve<Pair>(); [|rec!|].Submit(); return XdpAction.Pass;", MapFields),
            DslProbe.Xdp("device-map-redirect", "return Ports.Redirect(0, XdpAction.Pass);", MapFields),
        };
    }
}

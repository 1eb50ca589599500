namespace Ebpf.Compiler.Tests.FrontEnd.Programs
{
    /// <summary>Small DSL program bodies, one construct each, that must compile without diagnostics.</summary>
    internal static class Snippets
    {
        public const string Members = @"
    public struct Pair { public uint A; public ushort B; public byte C; public readonly uint Sum => A + B + C; public void Reset(uint a) { A = a; B = 0; C = 0; } }
    public struct Counters { public ulong Packets; public ulong Bytes; }
    public unsafe struct Tagged { public fixed byte Tag[8]; public uint Count; }
    [System.Runtime.CompilerServices.InlineArray(4)] public struct Four { private uint _element; }
    public struct Flow { public uint Address; public ushort Port; public Flow(uint address, ushort port) { Address = address; Port = port; } }
    static readonly ArrayMap<Counters> Stats = new(maxEntries: 4);
    static readonly HashMap<uint, Pair> Pairs = new(maxEntries: 16);
    static readonly RingBufferMap Events = new(sizeBytes: 4096);
    static readonly DeviceMap Ports = new(maxEntries: 4);
    static readonly LpmTrieMap<uint, uint> Routes = new(maxEntries: 16);
    static readonly ArrayMap<Tagged> Tags = new(maxEntries: 2);
    const int Limit = 8;
    static readonly uint Threshold = 100;
    static int Twice(int x) => x * 2;
    static void Bump(ref Counters c, uint length) { c.Packets++; c.Bytes += length; }
    static int Clamp(int x) { if (x < 0) return 0; if (x > 10) return 10; return x; }
    static T Pick<T>(bool first, T a, T b) => first ? a : b;
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    static T Choose<T>(bool first, T a, T b) { T chosen = b; if (first) { chosen = a; } return chosen; }
    static uint Mix(uint a, uint b) { uint h = a * 2654435761u; h ^= h >> 15; h += b; h *= 0x85ebca6bu; h ^= h >> 13; h += a ^ b; h *= 0xc2b2ae35u; h ^= h >> 16; return h; }
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    static ulong CountIn(uint key, ulong by) { var c = Stats.Lookup(key & 3); if (c is null) return 0; c.Value.Packets += by; return c.Value.Packets; }
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    static uint Weigh(in Pair p) => p.A * 3u + p.B - p.C;
";

        public static readonly (string Name, string Body)[] All =
        {
            ("arithmetic", "int a = ctx.Packet.Length; int b = a * 3 + 7 - (a / 2) % 5; return b > 0 ? XdpAction.Pass : XdpAction.Drop;"),
            ("unsigned division", "uint a = (uint)ctx.Packet.Length; uint b = a / 3 + a % 7; return b == 1 ? XdpAction.Pass : XdpAction.Drop;"),
            ("shifts", "int n = ctx.Packet.Length; int a = 1 << n; long b = 1L << n; uint c = 0x80000000u >> n; int d = -8 >> 1; return (a ^ (int)b ^ (int)c ^ d) == 0 ? XdpAction.Pass : XdpAction.Drop;"),
            ("conversions", "int n = ctx.Packet.Length; byte b = (byte)n; sbyte s = (sbyte)n; short h = (short)n; long l = s; ulong u = (uint)n; return l + (long)u + b + h == 0 ? XdpAction.Pass : XdpAction.Drop;"),
            ("bitwise and compare", "uint x = (uint)ctx.Packet.Length; bool big = x >= 1000 && (x & 1) == 0 || x == 7; return big ? XdpAction.Drop : XdpAction.Pass;"),
            ("switch statement", "switch (ctx.Packet.Length) { case 0: return XdpAction.Aborted; case 1: case 2: return XdpAction.Drop; default: return XdpAction.Pass; }"),
            ("switch expression", "return ctx.Packet.Length switch { < 14 => XdpAction.Drop, 14 => XdpAction.Tx, > 1500 and < 9000 => XdpAction.Aborted, _ => XdpAction.Pass };"),
            ("enum switch", "XdpAction a = ctx.Packet.Length > 3 ? XdpAction.Tx : XdpAction.Drop; switch (a) { case XdpAction.Tx: return XdpAction.Pass; default: return a; }"),
            ("for loop", "int sum = 0; for (int i = 0; i < Limit; i++) { sum += i; } return sum == 28 ? XdpAction.Pass : XdpAction.Drop;"),
            ("while loop", "uint x = (uint)ctx.Packet.Length; int steps = 0; while (x > 1 && steps < 32) { x >>= 1; steps++; } return steps > 3 ? XdpAction.Pass : XdpAction.Drop;"),
            ("struct local and fields", "Pair p = default; p.A = 5; p.B = 6; p.C = (byte)(p.A + p.B); Pair q = p; return q.C == 11 ? XdpAction.Pass : XdpAction.Drop;"),
            ("map lookup and ref local", "var c = Stats.Lookup(0); if (c is null) return XdpAction.Aborted; ref Counters v = ref c.Value; v.Packets += 1; v.Bytes += (ulong)ctx.Packet.Length; return XdpAction.Pass;"),
            ("hash map update and delete", "uint key = 7; Pair value = default; value.A = 1; long r = Pairs.Update(key, value); long d = Pairs.Delete(key); return r + d == 0 ? XdpAction.Pass : XdpAction.Drop;"),
            ("configuration", "return (uint)ctx.Packet.Length > Threshold ? XdpAction.Drop : XdpAction.Pass;"),
            ("inlined calls", "var c = Stats.Lookup(1); if (c is null) return XdpAction.Aborted; Bump(ref c.Value, (uint)ctx.Packet.Length); return Twice(Clamp(ctx.Packet.Length)) > 5 ? XdpAction.Pass : XdpAction.Drop;"),
            ("packet access", "var eth = ctx.Packet.At<EthernetHeader>(0); if (eth is null) return XdpAction.Drop; var ip = ctx.Packet.At<Ipv4Header>(14); if (ip is null) return XdpAction.Pass; return ip.Value.TimeToLive == 0 ? XdpAction.Drop : XdpAction.Pass;"),
            ("packet try read", "if (!ctx.Packet.TryRead<uint>(0, out uint first)) return XdpAction.Drop; return first == 0 ? XdpAction.Drop : XdpAction.Pass;"),
            ("context fields", "return ctx.IngressIfindex == 1 && ctx.RxQueueIndex == 0 ? XdpAction.Drop : XdpAction.Pass;"),
            ("helpers", "ulong now = Bpf.KtimeGetNs(); uint r = Bpf.GetPrandomU32(); uint cpu = Bpf.GetSmpProcessorId(); Bpf.TracePrintk(\"cpu %d\", cpu); return (now ^ r) == 0 ? XdpAction.Drop : XdpAction.Pass;"),
            ("byte order", "ushort t = Net.ToHost16((ushort)ctx.Packet.Length); uint u = Net.ToNetwork32(3u); return t == u ? XdpAction.Drop : XdpAction.Pass;"),
            ("header properties in network order", "var eth = ctx.Packet.At<EthernetHeader>(0); if (eth is null) return XdpAction.Drop; if (eth.Value.EtherType == EtherType.Ipv6) eth.Value.EtherType = EtherType.Ipv4; return XdpAction.Pass;"),
            ("struct methods and properties", "Pair p = default; p.Reset(3); p.B = 4; return p.Sum == 7 ? XdpAction.Pass : XdpAction.Drop;"),
            ("ring buffer output", "Pair p = default; p.A = 1; Events.Output(p); return XdpAction.Pass;"),
            ("ring buffer reserve and submit", "var r = Events.Reserve<Pair>(); if (r is null) return XdpAction.Pass; r.Value.A = (uint)ctx.Packet.Length; r.Value.B = 0; r.Value.C = 0; r.Submit(); return XdpAction.Pass;"),
            ("device map redirect", "return Ports.Redirect(0, XdpAction.Pass);"),
            ("math min and max", "int n = System.Math.Min(ctx.Packet.Length, 64); uint m = System.Math.Max((uint)n, 14u); return m == 64 ? XdpAction.Pass : XdpAction.Drop;"),
            ("struct constructor and initializer", "var flow = new Flow(0x0a000001, 53); var pair = new Pair { A = flow.Address, B = flow.Port }; return pair.B == 53 ? XdpAction.Pass : XdpAction.Drop;"),
            ("atomic add on a map value", "var c = Stats.Lookup(0); if (c is null) return XdpAction.Aborted; Atomic.Add(ref c.Value.Packets, 1); Atomic.Add(ref c.Value.Bytes, (ulong)ctx.Packet.Length); return XdpAction.Pass;"),
            ("atomic fetch, exchange and compare-exchange", "var c = Stats.Lookup(1); if (c is null) return XdpAction.Aborted; ulong before = Atomic.FetchAdd(ref c.Value.Packets, 1); ulong old = Atomic.Exchange(ref c.Value.Bytes, before); ulong seen = Atomic.CompareExchange(ref c.Value.Packets, 0, old); return seen == 0 ? XdpAction.Drop : XdpAction.Pass;"),
            ("stackalloc span and LoadBytes", "System.Span<byte> buffer = stackalloc byte[16]; long r = ctx.LoadBytes(0, buffer); buffer[15] = (byte)(buffer[0] + buffer[1]); return r == 0 && buffer[12] == 0x08 && buffer[15] != 0 ? XdpAction.Pass : XdpAction.Drop;"),
            ("csum diff over a header", "var ip = ctx.Packet.At<Ipv4Header>(14); if (ip is null) return XdpAction.Pass; long sum = Bpf.CsumDiff(in ip.Value, 0u); return sum == 0 ? XdpAction.Drop : XdpAction.Pass;"),
            ("lpm key constructor", "Routes.Update(new LpmKey<uint>(24, 0x3c), 5u); var key = new LpmKey<uint>(32, (uint)ctx.Packet.Length); var route = Routes.Lookup(key); return route is null ? XdpAction.Drop : route.Value == 5 ? XdpAction.Pass : XdpAction.Tx;"),
            ("checksum arithmetic", "var ip = ctx.Packet.At<Ipv4Header>(14); if (ip is null) return XdpAction.Pass; var c = Stats.Lookup(3); if (c is null) return XdpAction.Aborted; uint sum = Checksum.Partial(in ip.Value, (uint)ctx.Packet.Length << 16); ushort folded = Checksum.Fold(sum); ushort check = Checksum.Replace16(folded, ip.Value.Identification, (ushort)ctx.Packet.Length); uint s = Checksum.Subtract(Checksum.Add(sum, 0xfffffff0u), check); ushort wide = Checksum.Replace32(check, ip.Value.SourceAddress, s); c.Value.Packets = ((ulong)sum << 32) | ((ulong)folded << 16) | check; c.Value.Bytes = ((ulong)s << 32) | ((ulong)wide << 16) | Checksum.FoldWithoutComplement(s); return XdpAction.Pass;"),
            ("checksum of a stack span", "System.Span<byte> bytes = stackalloc byte[7]; ctx.LoadBytes(6, bytes); uint sum = Checksum.Partial(bytes, 0xffff0000u); return (sum & 3) == 0 ? XdpAction.Drop : XdpAction.Pass;"),
            ("conditional stores into a map value", "var c = Stats.Lookup(0); if (c is null) return XdpAction.Aborted; ulong p = c.Value.Packets; c.Value.Packets = p + 1 >= 3 ? 0 : p + 1; c.Value.Bytes += ctx.Packet.Length > 60 ? 2UL : 1UL; Atomic.Add(ref c.Value.Bytes, p == 1 ? 4UL : 8UL); return p != 0 ? XdpAction.Pass : XdpAction.Drop;"),
            ("icmp header properties", "var icmp = ctx.Packet.At<IcmpHeader>(34); if (icmp is null) return XdpAction.Pass; var v6 = ctx.Packet.At<Icmpv6Header>(54); ushort id = icmp.Value.Identifier; ushort seq = icmp.Value.Sequence; icmp.Value.Sequence = (ushort)(seq + 1); icmp.Value.Identifier = (ushort)(id ^ 0x0101); if (icmp.Value.Type == IcmpHeader.DestinationUnreachable) icmp.Value.NextHopMtu = 1400; uint extra = v6 is null ? 0u : (uint)(v6.Value.Identifier + v6.Value.Sequence); return ((icmp.Value.NextHopMtu + extra) & 1) == 0 ? XdpAction.Tx : XdpAction.Pass;"),
            ("ipv6 header bit fields", "var ip = ctx.Packet.At<Ipv6Header>(14); if (ip is null) return XdpAction.Pass; if (ip.Value.Version != 6) return XdpAction.Drop; return ((ip.Value.TrafficClass ^ ip.Value.FlowLabel) & 1) == 0 ? XdpAction.Tx : XdpAction.Pass;"),
            ("conditional stores into packet fields", "var ip = ctx.Packet.At<Ipv4Header>(14); if (ip is null) return XdpAction.Pass; ip.Value.TimeToLive = ip.Value.TimeToLive > 10 ? (byte)1 : (byte)2; ip.Value.Identification = ctx.Packet.Length > 60 ? (ushort)7 : (ushort)8; ip.Value.Identification += 0x0101; Pair p = default; p.Reset(ctx.Packet.Length > 70 ? 1u : 2u); p.B += ctx.Packet.Length > 80 ? (ushort)3 : (ushort)4; ip.Value.SourceAddress = p.Sum; return XdpAction.Tx;"),
            ("fixed buffer elements", "Tagged t = default; int n = ctx.Packet.Length; unsafe { t.Tag[1] = (byte)n; t.Tag[n & 7] += 3; t.Tag[(n >> 3) & 7] = 9; } var v = Tags.Lookup(1); if (v is null) return XdpAction.Aborted; unsafe { v.Value.Tag[n % 8] = t.Tag[1]; v.Value.Count += t.Tag[n & 7]; } return XdpAction.Pass;"),
            ("inline array elements", "Four f = default; int n = ctx.Packet.Length; f[1] = (uint)n; f[n & 3] += 5; f[(n >> 2) & 7] = 2; return f[0] + f[1] + f[2] + f[3] > 80 ? XdpAction.Pass : XdpAction.Drop;"),
            ("foreach over a stack span", "System.Span<byte> bytes = stackalloc byte[12]; ctx.LoadBytes(0, bytes); int sum = 0; foreach (byte b in bytes) { sum += b; } System.Span<ushort> words = stackalloc ushort[3]; words[ctx.Packet.Length % 3] = 7; foreach (ushort w in words) { sum ^= w; } return (sum & 1) == 0 ? XdpAction.Pass : XdpAction.Drop;"),
            ("load bytes of a bounded length into a map value", "var v = Tags.Lookup(0); if (v is null) return XdpAction.Aborted; long r = ctx.LoadBytes(2, ref v.Value, ctx.Packet.Length - 50); return r == 0 ? XdpAction.Pass : XdpAction.Drop;"),
            ("bpf-to-bpf calls", "uint n = (uint)ctx.Packet.Length; uint x = Mix(n, 7u) ^ Mix(ctx.IngressIfindex, n); Pair p = default; p.A = x; p.B = (ushort)n; p.C = 3; ulong total = CountIn(n, 1) + CountIn(x, n) + Weigh(in p); return ((x ^ (uint)total) & 1) == 0 ? XdpAction.Pass : XdpAction.Drop;"),
            ("generic methods and static local functions", "static int Half(int x) => x >> 1; int n = ctx.Packet.Length; int a = Pick(n > 60, n, Half(n)); uint b = Pick(n < 50, 7u, (uint)n); long c = Choose(n > 70, (long)n, 5L) + Choose(n < 64, 1, 2); return a + (int)b + c > 100 ? XdpAction.Pass : XdpAction.Drop;"),
            ("checked map value", "var c = Stats.Lookup(2); if (c != null) { c.Value.Packets = 1; } return XdpAction.Pass;"),
        };
    }
}

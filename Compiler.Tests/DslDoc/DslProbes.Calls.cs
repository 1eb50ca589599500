namespace Ebpf.Compiler.Tests.DslDoc
{
    internal static partial class DslProbes
    {
        private const string Methods = @"
    public struct Counters { public ulong Packets; public ulong Bytes; }
    public interface IShape { int Area(); }
    public struct Square : IShape { public int Side; public int Area() => Side * Side; }
    const int Limit = 8;
    static readonly uint Threshold = 100;
    static readonly uint Seed = (uint)System.Environment.TickCount;
    static int Counter = 3;
    static int Twice(int x) => x * 2;
    static int Clamp(int x) { if (x < 0) return 0; if (x > 10) return 10; return x; }
    static void Bump(ref Counters c, uint length) { c.Packets++; c.Bytes += length; }
    static void Split(int x, out int high, out int low) { high = x >> 8; low = x & 0xff; }
    static ulong Sum(in Counters c) => c.Packets + c.Bytes;
    static T Pick<T>(bool first, T a, T b) => first ? a : b;
    static int Down(int x) => x > 0 ? Down(x - 1) : 0;
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    static uint Hash(uint a, uint b) { uint h = a * 2654435761u; h ^= h >> 15; h += b; return h * 0x85ebca6bu; }
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    static int Six(int a, int b, int c, int d, int e, int f) => a ^ b ^ c ^ d ^ e ^ f;
    static int AreaOf<T>(T shape) where T : struct, IShape => shape.Area();
";

        /// <summary>Configuration fields and calls.</summary>
        private static DslProbe[] Calls() => new[]
        {
            DslProbe.Xdp("const-configuration", "int r = ctx.Packet.Length > Limit ? 1 : 0;" + Verdict, Methods),
            DslProbe.Xdp("static-readonly-configuration", "int r = (uint)ctx.Packet.Length > Threshold ? 1 : 0;" + Verdict, Methods),
            DslProbe.Xdp("mutable-static-field", "int r = Counter > 1 ? 1 : 0;" + Verdict, Methods.Replace("int Counter = 3", "int [|Counter|] = 3")),
            DslProbe.Xdp("static-readonly-non-constant", "int r = Seed > 1 ? 1 : 0;" + Verdict, Methods.Replace("(uint)System.Environment.TickCount", "[|(uint)System.Environment.TickCount|]")),
            DslProbe.Xdp("static-method-call", "int r = Twice(Clamp(ctx.Packet.Length));" + Verdict, Methods),
            DslProbe.Xdp("ref-parameter", "Counters c = default; Bump(ref c, (uint)ctx.Packet.Length); long r = (long)c.Bytes;" + Verdict, Methods),
            DslProbe.Xdp("out-parameter", "Split(ctx.Packet.Length, out int high, out int low); int r = high + low;" + Verdict, Methods),
            DslProbe.Xdp("in-parameter", "Counters c = default; c.Packets = (ulong)ctx.Packet.Length; long r = (long)Sum(in c);" + Verdict, Methods),
            DslProbe.Xdp("bpf-to-bpf-call", "uint r = Hash((uint)ctx.Packet.Length, 7u) ^ Hash(ctx.IngressIfindex, 3u);" + Verdict, Methods),
            DslProbe.Xdp("too-many-call-arguments", "int n = ctx.Packet.Length; int r = [|Six(n, n, n, n, n, n)|];" + Verdict, Methods),
            DslProbe.Xdp("generic-method", "int r = Pick(ctx.Packet.Length > 5, 1, 2);" + Verdict, Methods),
            DslProbe.Xdp("local-function", "static int Half(int x) => x / 2; int r = Half(ctx.Packet.Length);" + Verdict, Methods),
            DslProbe.Xdp("constrained-interface-call", "Square s = default; s.Side = ctx.Packet.Length; int r = AreaOf(s);" + Verdict, Methods),
            DslProbe.Xdp("recursion", "int r = Down(ctx.Packet.Length);" + Verdict, Methods.Replace("Down(x - 1)", "[|Down(x - 1)|]")),
            DslProbe.Xdp("call-without-source", "int r = [|System.Math.Abs(ctx.Packet.Length)|];" + Verdict, Methods),
            DslProbe.Xdp("lambda", "System.Func<int, int> f = [|x => x + 1|]; int r = 0;" + Verdict),
            DslProbe.Xdp("interface-call", "Square s = default; s.Side = ctx.Packet.Length; int r = [|((IShape)s).Area()|];" + Verdict, Methods),
            DslProbe.Xdp("virtual-call", "int r = [|ctx.GetHashCode()|];" + Verdict),
        };
    }
}

namespace Ebpf.Compiler.Tests.DslDoc
{
    internal static partial class DslProbes
    {
        /// <summary>Operators on integers and booleans.</summary>
        private static DslProbe[] Operators() => new[]
        {
            DslProbe.Xdp("arithmetic-operators", "int a = ctx.Packet.Length; int b = a * 3 + 7 - a / 2 % 5; int r = -b;" + Verdict),
            DslProbe.Xdp("bitwise-operators", "uint u = (uint)ctx.Packet.Length; uint x = (u & 0xF0u) | (u ^ 0x0Fu) | ~u; long r = x;" + Verdict),
            DslProbe.Xdp("shift-operators", "int n = ctx.Packet.Length; int l = n << 3; int a = n >> 2; int z = n >>> 1; long r = l + a + z;" + Verdict),
            DslProbe.Xdp("comparisons", "int n = ctx.Packet.Length; uint u = (uint)n; bool all = n < 10 == u > 5u && n <= 7 != u >= 3u; long r = all ? 1 : 0;" + Verdict),
            DslProbe.Xdp("logical-operators", "int n = ctx.Packet.Length; if (n > 1 && n < 9 || !(n == 20)) return XdpAction.Pass; return XdpAction.Drop;"),
            DslProbe.Xdp("conditional-operator", "int n = ctx.Packet.Length; int r = n > 60 ? n - 60 : 0;" + Verdict),
            DslProbe.Xdp("math-min-max", "int n = System.Math.Min(ctx.Packet.Length, 64); uint m = System.Math.Max((uint)n, 14u); long r = m;" + Verdict),
            DslProbe.Xdp("byte-order", "ushort h = Net.ToHost16((ushort)ctx.Packet.Length); uint w = Net.ToNetwork32(3u); long r = h + w;" + Verdict),
            DslProbe.Xdp("checksum-arithmetic", "ushort c = Checksum.Replace16(0x1234, 0x4000, (ushort)ctx.Packet.Length); uint s = Checksum.Add(c, 7u); long r = Checksum.Fold(s);" + Verdict),
        };
    }
}

namespace Ebpf.Compiler.Tests.DslDoc
{
    internal static partial class DslProbes
    {
        private const string Verdict = " return r == 0 ? XdpAction.Drop : XdpAction.Pass;";

        /// <summary>Locals, the integer types and their C# semantics.</summary>
        private static DslProbe[] Integers() => new[]
        {
            DslProbe.Xdp("local-variables", "int n = ctx.Packet.Length; var twice = n + n; long r = twice;" + Verdict),
            DslProbe.Xdp("integer-types", "int n = ctx.Packet.Length; byte b = (byte)n; sbyte sb = (sbyte)n; short s = (short)n; ushort us = (ushort)n; uint u = (uint)n; long l = n; ulong ul = (ulong)l; long r = b + sb + s + us + u + l + (long)ul;" + Verdict),
            DslProbe.Xdp("bool-and-char", "int n = ctx.Packet.Length; bool odd = (n & 1) != 0; char c = (char)n; long r = odd && c > 'a' ? 1 : 0;" + Verdict),
            DslProbe.Xdp("int-wraparound", "int n = ctx.Packet.Length; int wrapped = n + int.MaxValue; long r = wrapped;" + Verdict),
            DslProbe.Xdp("narrow-wraparound", "byte b = (byte)ctx.Packet.Length; b += 200; long r = b;" + Verdict),
            DslProbe.Xdp("sign-extension", "sbyte s = (sbyte)ctx.Packet.Length; long wide = s; long r = wide;" + Verdict),
            DslProbe.Xdp("zero-extension", "uint u = (uint)ctx.Packet.Length; ulong wide = u; long r = (long)wide;" + Verdict),
            DslProbe.Xdp("shift-count-masking", "int n = ctx.Packet.Length; int shifted = 1 << n; long wideShift = 1L << n; long r = shifted ^ wideShift;" + Verdict),
            DslProbe.Xdp("unsigned-division", "uint u = (uint)ctx.Packet.Length; uint d = u & 7; if (d == 0) return XdpAction.Pass; uint q = u / d; uint m = u % d; long r = q + m;" + Verdict),
            DslProbe.Xdp("signed-division", "int n = ctx.Packet.Length - 100; int d = n & 7; long r = 1; if (d > 0) { r = n / d + n % d; }" + Verdict),
            DslProbe.Xdp("unguarded-division", "uint u = (uint)ctx.Packet.Length; uint d = u & 7; uint q = [|u / d|]; long r = q;" + Verdict),
            DslProbe.Xdp("signed-division-by-nonzero", "int n = ctx.Packet.Length - 100; int d = n | 1; int q = [|n / d|]; long r = q;" + Verdict),
            DslProbe.Xdp("division-by-constant", "int n = ctx.Packet.Length; int q = n / 3; int m = n % 5; long r = q + m;" + Verdict),
            DslProbe.Xdp("long-arithmetic", "long n = ctx.Packet.Length; long big = n * 1_000_000_007L; ulong ub = (ulong)big >> 7; long r = (long)ub;" + Verdict),
            DslProbe.Xdp("compound-assignment", "int n = ctx.Packet.Length; n++; n += 3; n <<= 1; n ^= 0x55; long r = n--;" + Verdict),
            DslProbe.Xdp("unchecked-context", "int n = ctx.Packet.Length; int u = unchecked(n * 65537); long r = u;" + Verdict),
            DslProbe.Xdp("checked-arithmetic", "int n = ctx.Packet.Length; int c = [|checked(n + int.MaxValue)|]; long r = c;" + Verdict),
            DslProbe.Xdp("native-integers", "nint n = ctx.Packet.Length; nint twice = n + n; long r = twice;" + Verdict),
        };
    }
}

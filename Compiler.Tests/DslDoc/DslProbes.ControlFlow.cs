namespace Ebpf.Compiler.Tests.DslDoc
{
    internal static partial class DslProbes
    {
        /// <summary>Branches, switches and loops.</summary>
        private static DslProbe[] ControlFlow() => new[]
        {
            DslProbe.Xdp("if-else", "int n = ctx.Packet.Length; if (n < 14) { return XdpAction.Drop; } else if (n > 1500) { return XdpAction.Aborted; } else { return XdpAction.Pass; }"),
            DslProbe.Xdp("switch-statement-integer", "switch (ctx.Packet.Length) { case 0: return XdpAction.Aborted; case 1: case 2: return XdpAction.Drop; default: return XdpAction.Pass; }"),
            DslProbe.Xdp("switch-statement-enum", "XdpAction a = ctx.Packet.Length > 3 ? XdpAction.Tx : XdpAction.Drop; switch (a) { case XdpAction.Tx: return XdpAction.Pass; default: return a; }"),
            DslProbe.Xdp("switch-expression-integer", "return ctx.Packet.Length switch { < 14 => XdpAction.Drop, 14 => XdpAction.Tx, > 1500 and < 9000 => XdpAction.Aborted, _ => XdpAction.Pass };"),
            DslProbe.Xdp("switch-expression-enum", "XdpAction a = ctx.Packet.Length > 3 ? XdpAction.Tx : XdpAction.Drop; int r = a switch { XdpAction.Tx => 1, XdpAction.Drop => 2, _ => 0 };" + Verdict),
            DslProbe.Xdp("relational-patterns", "int n = ctx.Packet.Length; bool mid = n is > 60 and < 1500 or 9000; int r = mid ? 1 : 0;" + Verdict),
            DslProbe.Xdp("switch-expression-without-discard", "return [|ctx.Packet.Length switch { 0 => XdpAction.Drop, 1 => XdpAction.Tx }|];"),
            DslProbe.Xdp("for-loop", "int sum = 0; for (int i = 0; i < 8; i++) { sum += i * ctx.Packet.Length; } int r = sum;" + Verdict),
            DslProbe.Xdp("while-loop", "uint x = (uint)ctx.Packet.Length; int steps = 0; while (x > 1 && steps < 32) { x >>= 1; steps++; } int r = steps;" + Verdict),
            DslProbe.Xdp("do-while-loop", "uint x = (uint)ctx.Packet.Length; int steps = 0; do { x >>= 1; steps++; } while (x != 0 && steps < 16); int r = steps;" + Verdict),
            DslProbe.Xdp("break-continue", "int r = 0; for (int i = 0; i < 16; i++) { if (i == ctx.Packet.Length) break; if ((i & 1) == 0) continue; r += i; }" + Verdict),
            DslProbe.Xdp("nested-loops", "int r = 0; for (int i = 0; i < 4; i++) { for (int j = 0; j < 4; j++) { r += i * j; } } r += ctx.Packet.Length;" + Verdict),
            DslProbe.Xdp("loop-bounded-by-input", "int r = 0; int n = ctx.Packet.Length & 63; for (int i = 0; i < n; i++) { r += i; }" + Verdict),
            DslProbe.Xdp("unbounded-loop", "uint x = (uint)ctx.Packet.Length; int r = 0; [|while (x != 1) { x = (x & 1) == 0 ? x >> 1 : 3 * x + 1; r++; }|]" + Verdict),
            DslProbe.Xdp("goto", "int r = ctx.Packet.Length; if (r > 100) goto done; r = 0; done: r += 1;" + Verdict),
            DslProbe.Xdp("foreach-span", "System.Span<byte> bytes = stackalloc byte[4]; int r = 0; foreach (byte b in bytes) { r += b; }" + Verdict),
        };
    }
}

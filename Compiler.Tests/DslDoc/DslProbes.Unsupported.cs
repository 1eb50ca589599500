namespace Ebpf.Compiler.Tests.DslDoc
{
    internal static partial class DslProbes
    {
        /// <summary>Exceptions, floating point, strings and helpers.</summary>
        private static DslProbe[] Unsupported() => new[]
        {
            DslProbe.Xdp("throw", "if (ctx.Packet.Length == 0) [|throw|] new System.InvalidOperationException(); int r = 1;" + Verdict),
            DslProbe.Xdp("try-catch", "int r = 0; [|try { r = ctx.Packet.Length; } catch (System.Exception) { r = 1; }|]" + Verdict),
            DslProbe.Xdp("try-finally", "int r = 0; [|try { r = ctx.Packet.Length; } finally { r++; }|]" + Verdict),
            DslProbe.Xdp("float", "[|float f = ctx.Packet.Length;|] int r = 0;" + Verdict),
            DslProbe.Xdp("double", "int n = ctx.Packet.Length; [|double d = n * 1.5|]; int r = 0;" + Verdict),
            DslProbe.Xdp("decimal", "[|decimal m = ctx.Packet.Length;|] int r = 0;" + Verdict),
            DslProbe.Xdp("trace-printk-format", "uint cpu = Bpf.GetSmpProcessorId(); Bpf.TracePrintk(\"cpu %u len %d\", cpu, ctx.Packet.Length); int r = 1;" + Verdict),
            DslProbe.Xdp("bpf-helpers", "ulong now = Bpf.KtimeGetNs(); uint random = Bpf.GetPrandomU32(); long r = (long)(now ^ random);" + Verdict),
            DslProbe.Xdp("csum-diff", "var ip = ctx.Packet.At<Ipv4Header>(14); if (ip is null) return XdpAction.Pass; long r = Bpf.CsumDiff(in ip.Value, 0u);" + Verdict),
            DslProbe.Xdp("string-local", "string [|s = \"x\"|]; int r = 0;" + Verdict),
            DslProbe.Xdp("string-interpolation", "int n = ctx.Packet.Length; Bpf.TracePrintk([|$\"len {n}\"|]); int r = 0;" + Verdict),
        };
    }
}

namespace Ebpf.Compiler.Tests.DslDoc
{
    internal static partial class DslProbes
    {
        private const string Structs = @"
    public struct Pair { public uint A; public ushort B; public byte C; public readonly uint Sum => A + B + C; public void Reset(uint a) { A = a; B = 0; C = 0; } }
    public struct Flow { public uint Address; public ushort Port; public Flow(uint address, ushort port) { Address = address; Port = port; } }
    public struct Outer { public Pair Inner; public ulong Total; }
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Explicit)]
    public struct Word { [System.Runtime.InteropServices.FieldOffset(0)] public uint Whole; [System.Runtime.InteropServices.FieldOffset(0)] public ushort Low; [System.Runtime.InteropServices.FieldOffset(2)] public ushort High; }
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential, Pack = 1)]
    public struct Packed { public byte Tag; public uint Value; }
    public unsafe struct Buffer { public fixed byte Bytes[8]; }
    [System.Runtime.CompilerServices.InlineArray(4)]
    public struct Four { private uint _element; }
    public struct Block64 { public ulong A, B, C, D, E, F, G, H; }
    public struct Block512 { public Block64 A, B, C, D, E, F, G, H; }
    public sealed class Box { public int V; }
";

        /// <summary>Structs, references and the stack.</summary>
        private static DslProbe[] Types() => new[]
        {
            DslProbe.Xdp("struct-local", "Pair p = default; p.A = 5; p.B = 6; p.C = (byte)(p.A + p.B); Pair q = p; int r = q.C;" + Verdict, Structs),
            DslProbe.Xdp("nested-struct", "Outer o = default; o.Inner.A = (uint)ctx.Packet.Length; o.Total = o.Inner.A + 1UL; long r = (long)o.Total;" + Verdict, Structs),
            DslProbe.Xdp("struct-explicit-layout", "Word w = default; w.Whole = (uint)ctx.Packet.Length; int r = w.High + w.Low;" + Verdict, Structs),
            DslProbe.Xdp("struct-pack", "Packed k = default; k.Tag = 1; k.Value = (uint)ctx.Packet.Length; long r = k.Value + k.Tag;" + Verdict, Structs),
            DslProbe.Xdp("fixed-buffer", "Buffer b = default; unsafe { b.Bytes[1] = (byte)ctx.Packet.Length; } int r; unsafe { r = b.Bytes[1]; }" + Verdict, Structs),
            DslProbe.Xdp("inline-array", "Four f = default; f[1] = (uint)ctx.Packet.Length; long r = f[1];" + Verdict, Structs),
            DslProbe.Xdp("struct-constructor-and-initializer", "var flow = new Flow(0x0a000001, 53); var pair = new Pair { A = flow.Address, B = flow.Port }; int r = pair.B;" + Verdict, Structs),
            DslProbe.Xdp("struct-methods-and-properties", "Pair p = default; p.Reset(3); p.B = 4; long r = p.Sum;" + Verdict, Structs),
            DslProbe.Xdp("ref-local", "Pair p = default; ref uint a = ref p.A; a = (uint)ctx.Packet.Length; long r = p.A;" + Verdict, Structs),
            DslProbe.Xdp("stackalloc-fixed-size", "System.Span<byte> buffer = stackalloc byte[16]; buffer[3] = (byte)ctx.Packet.Length; int r = buffer[3];" + Verdict),
            DslProbe.Class("stack-too-large", Structs + "    [Xdp]\n    public static XdpAction [|Run|](XdpContext ctx)\n    {\n        Block512 x = default; x.H.H = (ulong)ctx.Packet.Length; Block512 y = x; y.A.A = 1; long r = (long)(y.H.H + x.A.A + y.A.A);" + Verdict + "\n    }"),
            DslProbe.Xdp("tuples", "int n = ctx.Packet.Length; [|var (a, b) = (n, n + 1)|]; int r = a + b;" + Verdict),
            DslProbe.Xdp("nullable-value-type", "[|int? maybe = ctx.Packet.Length > 4 ? 1 : null;|] int r = maybe ?? 0;" + Verdict),
            DslProbe.Xdp("class-allocation", "var box = [|new Box()|]; int r = 0;" + Verdict, Structs),
            DslProbe.Xdp("array-allocation", "int[] values = [|new int[4]|]; int r = 0;" + Verdict),
            DslProbe.Xdp("boxing", "object o = [|ctx.Packet.Length|]; int r = 0;" + Verdict),
        };
    }
}

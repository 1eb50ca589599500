using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Backend.Tests
{
    /// <summary>Hand-built IR used by several tests.</summary>
    internal static class Samples
    {
        public static IrType Context => IrType.PointerTo(PointerKind.Context);

        public static IrType Packet => IrType.PointerTo(PointerKind.Packet);

        public static IrType PacketEnd => IrType.PointerTo(PointerKind.PacketEnd);

        /// <summary>An XDP program that drops packets shorter than an Ethernet header and returns the EtherType + 7 otherwise.</summary>
        public static IrFunction EthernetCheck()
        {
            var f = new IrFunctionBuilder("prog", IrType.I32);
            VirtualRegister ctx = f.Parameter(Context, "ctx");
            f.At(f.Block("entry"));
            VirtualRegister data = f.Load(Packet, ctx, 0, 32, name: "data");
            VirtualRegister end = f.Load(PacketEnd, ctx, 4, 32, name: "end");
            VirtualRegister p = f.Add(data, IrFunctionBuilder.I64(14), "p");
            BasicBlock drop = f.Block("drop");
            BasicBlock ok = f.Block("ok");
            f.Branch(Condition.UnsignedGreater, p, end, drop, ok);
            f.At(drop);
            f.Return(IrFunctionBuilder.I32(1));
            f.At(ok);
            VirtualRegister proto = f.Load(IrType.I32, data, 12, 16, name: "proto");
            f.Return(f.Add(proto, IrFunctionBuilder.I32(7), "sum"));
            return f.Function;
        }
    }
}

using Ebpf.Asm;
using Ebpf.Compiler.IR;
using Xunit;

namespace Ebpf.Compiler.Backend.Tests
{
    public sealed class IrPrinterTests
    {
        [Fact]
        public void Prints_a_bounds_checked_packet_read()
        {
            const string expected =
                "func @prog(%ctx: ptr.ctx) -> i32 {\n" +
                "entry:\n" +
                "  %data: ptr.pkt = load.u32 [%ctx + 0]\n" +
                "  %end: ptr.pkt_end = load.u32 [%ctx + 4]\n" +
                "  %p: ptr.pkt = add %data, 14\n" +
                "  br ugt %p, %end, drop, ok\n" +
                "drop:\n" +
                "  ret 1\n" +
                "ok:\n" +
                "  %proto: i32 = load.u16 [%data + 12]\n" +
                "  %sum: i32 = add %proto, 7\n" +
                "  ret %sum\n" +
                "}\n";
            Assert.Equal(expected, IrPrinter.Print(Samples.EthernetCheck()));
        }

        [Fact]
        public void Prints_every_instruction_kind()
        {
            var f = new IrFunctionBuilder("all", null);
            VirtualRegister ctx = f.Parameter(Samples.Context, "ctx");
            VirtualRegister n = f.Parameter(IrType.I64, "n");
            StackSlot key = f.StackSlot(4, 4, "key");
            f.At(f.Block("entry"));
            VirtualRegister local = f.Register(IrType.I32, "x");
            f.Assign(local, IrFunctionBuilder.I32(-5));
            f.Divide(n, IrFunctionBuilder.I64(3), signed: true, name: "q");
            f.ShiftRight(local, IrFunctionBuilder.I32(2), signed: false, name: "s");
            f.Unary(UnaryOperation.ByteSwap, local, "b");
            f.Convert(ConversionKind.SignExtend, local, IrType.I64, "w");
            f.Compare(Condition.SignedLessOrEqual, local, IrFunctionBuilder.I32(0), "c");
            f.Load(IrType.I64, ctx, 8, 8, signExtend: true, name: "l");
            f.Store(key, -0, local, 16);
            VirtualRegister map = f.Map("counters", "m");
            f.MapValue("config", 8, "cfg");
            VirtualRegister? found = f.CallHelper(1, IrType.PointerTo(PointerKind.MapValueOrNull), map, key);
            f.Convert(ConversionKind.AssumeNonNull, found!, IrType.PointerTo(PointerKind.MapValue), "v");
            f.CallLocal("sub", null, n);
            f.TailCall(ctx, "jumps", n);
            f.TailCall(ctx, "jumps", "next");
            BasicBlock exit = f.Block("exit");
            f.Jump(exit);
            f.At(exit);
            f.Return();
            const string expected =
                "func @all(%ctx: ptr.ctx, %n: i64) {\n" +
                "  slot $key[4, align 4]\n" +
                "entry:\n" +
                "  %x: i32 = mov -5\n" +
                "  %q: i64 = sdiv %n, 3\n" +
                "  %s: i32 = lshr %x, 2\n" +
                "  %b: i32 = bswap %x\n" +
                "  %w: i64 = sext %x\n" +
                "  %c: i32 = cmp.sle %x, 0\n" +
                "  %l: i64 = load.s8 [%ctx + 8]\n" +
                "  store.u16 [$key + 0], %x\n" +
                "  %m: ptr.map = map \"counters\"\n" +
                "  %cfg: ptr.map_value = map_value \"config\" + 8\n" +
                "  %11: ptr.map_value_or_null = call helper#1(%m, $key)\n" +
                "  %v: ptr.map_value = nonnull %11\n" +
                "  call @sub(%n)\n" +
                "  tailcall %ctx, \"jumps\"[%n]\n" +
                "  tailcall %ctx, \"jumps\"[@next]\n" +
                "  jmp exit\n" +
                "exit:\n" +
                "  ret\n" +
                "}\n";
            Assert.Equal(expected, f.Function.ToString());
        }

        [Fact]
        public void Prints_a_module_and_keeps_locations_out_of_the_text()
        {
            IrFunction function = Samples.EthernetCheck();
            function.Entry.Instructions[0].Location = new SourceLocation("Prog.cs", 3, 9);
            var module = new IrModule("prog", ProgramType.Xdp);
            module.Functions.Add(function);
            Assert.StartsWith("module \"prog\" Xdp\n\nfunc @prog(", IrPrinter.Print(module));
            Assert.DoesNotContain("Prog.cs", IrPrinter.Print(module));
        }

        [Fact]
        public void Clone_prints_identically_and_shares_nothing()
        {
            IrFunction original = Samples.EthernetCheck();
            IrFunction copy = original.Clone();
            Assert.Equal(IrPrinter.Print(original), IrPrinter.Print(copy));
            Assert.DoesNotContain(copy.Registers, r => System.Linq.Enumerable.Contains(original.Registers, r));
            IrVerifier.Verify(copy);
        }
    }
}

using Ebpf.Asm;
using Ebpf.Compiler.IR;
using Xunit;

namespace Ebpf.Compiler.Backend.Tests
{
    /// <summary>Exact code for small functions: what clang -O2 would write, instruction for instruction.</summary>
    public sealed class BackendListingTests
    {
        [Fact]
        public void A_bounds_checked_packet_read_falls_through_to_the_in_bounds_path()
        {
            Assert.Equal(
                Listing.Lines(
                    "r2 = *(u32 *)(r1 + 0)",
                    "r1 = *(u32 *)(r1 + 4)",
                    "r3 = r2",
                    "r3 += 14",
                    "if r3 > r1 goto +3",
                    "r0 = *(u16 *)(r2 + 12)",
                    "w0 += 7",
                    "exit",
                    "r0 = 1",
                    "exit"),
                Listing.Text(Samples.EthernetCheck()));
        }

        [Fact]
        public void Thirty_two_bit_values_use_ALU32_and_JMP32_with_immediates()
        {
            IrFunction function = BackendPrograms.Arithmetic32();
            Assert.Equal(
                Listing.Lines("w2 *= 3", "r0 = r1", "w0 += w2", "if w0 > 100 goto +1", "exit", "w0 = -1", "exit"),
                Listing.Text(function));
            ProgramImage image = BpfBackend.Compile(function, ProgramType.Xdp);
            Assert.Equal(70UL, new BpfMachine(image).Run(10, 20));
            Assert.Equal(0xffff_ffffUL, new BpfMachine(image).Run(100, 1));
        }

        [Fact]
        public void A_map_lookup_keeps_the_value_needed_after_the_call_in_a_callee_saved_register()
        {
            IrFunction function = BackendPrograms.MapLookup();
            Assert.Equal(
                Listing.Lines(
                    "r6 = *(u32 *)(r1 + 16)",
                    "*(u32 *)(r10 - 4) = 7",
                    "r1 = map[counters] ll",
                    "r2 = r10",
                    "r2 += -4",
                    "call 1",
                    "if r0 == 0 goto +3",
                    "r0 = *(u64 *)(r0 + 0)",
                    "r0 += r6",
                    "exit",
                    "r0 = 0",
                    "exit"),
                Listing.Text(function));
            ProgramImage image = BpfBackend.Compile(function, ProgramType.Xdp);
            Relocation relocation = Assert.Single(image.Relocations);
            Assert.Equal(new Relocation(2, RelocationKind.MapFd, "counters"), relocation);
        }

        [Fact]
        public void Each_access_to_a_checked_map_value_reads_through_the_looked_up_register()
        {
            // The front end converts the nullable pointer at every 'value.Value' (AssumeNonNull); each conversion used to be
            // a copy ('r1 = r6') before the load.
            var f = new IrFunctionBuilder("twice", IrType.I64);
            f.Parameter(Samples.Context, "ctx");
            StackSlot key = f.StackSlot(4, 4, "key");
            BasicBlock entry = f.Block("entry");
            BasicBlock found = f.Block("found");
            BasicBlock missing = f.Block("missing");
            f.At(entry);
            f.Store(key, 0, IrFunctionBuilder.I32(0));
            VirtualRegister value = f.CallHelper(1, IrType.PointerTo(PointerKind.MapValueOrNull), f.Map("counters", "map"), key)!;
            f.Branch(Condition.Equal, value, IrFunctionBuilder.I64(0), missing, found);
            f.At(found);
            VirtualRegister first = f.Load(IrType.I64, f.Convert(ConversionKind.AssumeNonNull, value, IrType.PointerTo(PointerKind.MapValue)), 0);
            VirtualRegister now = f.CallHelper(5, IrType.I64)!;
            VirtualRegister second = f.Load(IrType.I64, f.Convert(ConversionKind.AssumeNonNull, value, IrType.PointerTo(PointerKind.MapValue)), 8);
            f.Return(f.Add(f.Add(first, second), now));
            f.At(missing);
            f.Return(IrFunctionBuilder.I64(0));
            string[] listing = Listing.Text(f.Function).Split('\n');
            Assert.DoesNotContain(listing, line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^r\d = r[06789]$") && !line.StartsWith("r6 = r0", System.StringComparison.Ordinal));
            Assert.Contains(listing, line => line.Contains("= *(u64 *)(r6 + 8)", System.StringComparison.Ordinal));
        }

        [Fact]
        public void A_loop_updates_its_locals_in_place()
        {
            IrFunction function = BackendPrograms.Loop();
            Assert.Equal(
                Listing.Lines("r2 = 0", "r0 = 0", "if r2 < r1 goto +1", "exit", "r0 += r2", "r2 += 1", "goto -5"),
                Listing.Text(function));
            Assert.Equal(45UL, new BpfMachine(BpfBackend.Compile(function, ProgramType.Xdp)).Run(10));
        }

        [Fact]
        public void Large_constants_take_the_shortest_encoding()
        {
            var f = new IrFunctionBuilder("constants", IrType.I64);
            VirtualRegister a = f.Parameter(IrType.I64, "a");
            f.At(f.Block("entry"));
            VirtualRegister small = f.Add(a, IrFunctionBuilder.I64(-5), "small");
            VirtualRegister unsigned32 = f.Add(small, IrFunctionBuilder.I64(0xffff_ffffL), "u32");
            f.Return(f.Xor(unsigned32, IrFunctionBuilder.I64(0x1234_5678_9abc_def0L)));
            string listing = Listing.Text(f.Function);
            Assert.Equal(
                Listing.Lines("r0 = r1", "r0 += -5", "w1 = -1", "r0 += r1", "r1 = 1311768467463790320 ll", "r0 ^= r1", "exit"),
                listing);
        }
    }
}

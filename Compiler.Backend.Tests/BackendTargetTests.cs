using Ebpf.Asm;
using Ebpf.Compiler.IR;
using Xunit;

namespace Ebpf.Compiler.Backend.Tests
{
    /// <summary>Stack limits and what cpu v3 and v4 allow.</summary>
    public sealed class BackendTargetTests
    {
        private static IrFunction WithSlot(int size)
        {
            var f = new IrFunctionBuilder("big", IrType.I64);
            StackSlot slot = f.StackSlot(size, 8, "buffer");
            f.At(f.Block("entry"));
            f.Store(slot, 0, IrFunctionBuilder.I64(1));
            f.Return(f.Load(IrType.I64, slot, 0));
            return f.Function;
        }

        [Fact]
        public void A_frame_of_512_bytes_compiles_and_addresses_the_bottom_of_the_stack()
        {
            Assert.Equal(Listing.Lines("*(u64 *)(r10 - 512) = 1", "r0 = *(u64 *)(r10 - 512)", "exit"), Listing.Text(WithSlot(512)));
        }

        [Fact]
        public void A_frame_over_the_limit_is_a_clear_error()
        {
            var tooLarge = Assert.Throws<StackFrameTooLargeException>(() => BpfBackend.Compile(WithSlot(520), ProgramType.Xdp));
            Assert.Equal(520, tooLarge.RequiredBytes);
            Assert.Equal(512, tooLarge.LimitBytes);
            Assert.Equal("big", tooLarge.FunctionName);
            Assert.Contains("needs 520 bytes of stack; a BPF frame has 512", tooLarge.Message);
            var withTailCalls = Assert.Throws<StackFrameTooLargeException>(
                () => BpfBackend.Compile(WithSlot(300), ProgramType.Xdp, new BackendOptions { StackLimit = 256 }));
            Assert.Equal(256, withTailCalls.LimitBytes);
        }

        [Fact]
        public void Slots_are_aligned_largest_alignment_first()
        {
            var f = new IrFunctionBuilder("slots", null);
            StackSlot bytes = f.StackSlot(3, 1, "bytes");
            StackSlot word = f.StackSlot(8, 8, "word");
            f.At(f.Block("entry"));
            f.Store(bytes, 0, IrFunctionBuilder.Constant(IrType.I8, 1));
            f.Store(word, 0, IrFunctionBuilder.I64(2));
            f.Return();
            Assert.Equal(Listing.Lines("*(u8 *)(r10 - 12) = 1", "*(u64 *)(r10 - 8) = 2", "exit"), Listing.Text(f.Function));
        }

        [Fact]
        public void A_byte_aligned_slot_is_placed_at_the_alignment_of_its_widest_access()
        {
            // A Pack = 1 struct (LpmKey<uint>) is copied in 8-byte pieces; the verifier refuses misaligned stack accesses.
            var f = new IrFunctionBuilder("slots", null);
            StackSlot one = f.StackSlot(1, 1, "one");
            StackSlot key = f.StackSlot(8, 1, "key");
            f.At(f.Block("entry"));
            f.Store(one, 0, IrFunctionBuilder.Constant(IrType.I8, 1));
            f.Store(key, 0, IrFunctionBuilder.I64(2));
            f.Return();
            Assert.Equal(Listing.Lines("*(u8 *)(r10 - 9) = 1", "*(u64 *)(r10 - 8) = 2", "exit"), Listing.Text(f.Function));
        }

        private static IrFunction SignedDivision()
        {
            var f = new IrFunctionBuilder("sdiv", IrType.I32);
            VirtualRegister a = f.Parameter(IrType.I32, "a");
            VirtualRegister b = f.Parameter(IrType.I32, "b");
            f.At(f.Block("entry"));
            f.Return(f.Divide(a, b, signed: true));
            return f.Function;
        }

        [Fact]
        public void Signed_division_needs_cpu_v4()
        {
            var failure = Assert.Throws<BackendException>(() => BpfBackend.Compile(SignedDivision(), ProgramType.Xdp));
            Assert.Contains("cpu v4", failure.Message);
            ProgramImage image = BpfBackend.Compile(SignedDivision(), ProgramType.Xdp, new BackendOptions { Cpu = CpuVersion.V4 });
            Assert.Equal(Listing.Lines("r0 = r1", "w0 s/= w2", "exit"), Listing.Text(image));
            Assert.Equal(unchecked((ulong)(uint)-3), new BpfMachine(image).Run(unchecked((uint)-7), 2));
        }

        private static IrFunction SignExtensions()
        {
            var f = new IrFunctionBuilder("sext", IrType.I64);
            VirtualRegister ctx = f.Parameter(Samples.Context, "ctx");
            f.At(f.Block("entry"));
            VirtualRegister narrow = f.Load(IrType.I64, ctx, 0, 8, signExtend: true, name: "narrow");
            VirtualRegister word = f.Load(IrType.I32, ctx, 4, 32, name: "word");
            VirtualRegister wide = f.Convert(ConversionKind.SignExtend, word, IrType.I64, "wide");
            f.Return(f.Add(narrow, wide));
            return f.Function;
        }

        [Fact]
        public void Cpu_v4_sign_extends_with_MEMSX_and_MOVSX()
        {
            Assert.Equal(
                Listing.Lines("r0 = *(s8 *)(r1 + 0)", "r1 = *(u32 *)(r1 + 4)", "r1 = (s32)r1", "r0 += r1", "exit"),
                Listing.Text(SignExtensions(), new BackendOptions { Cpu = CpuVersion.V4 }));
        }

        [Fact]
        public void Cpu_v3_sign_extends_with_shifts()
        {
            Assert.Equal(
                Listing.Lines(
                    "r0 = *(u8 *)(r1 + 0)",
                    "r0 <<= 56",
                    "r0 s>>= 56",
                    "r1 = *(u32 *)(r1 + 4)",
                    "r1 <<= 32",
                    "r1 s>>= 32",
                    "r0 += r1",
                    "exit"),
                Listing.Text(SignExtensions()));
        }

        [Theory]
        [InlineData(CpuVersion.V3)]
        [InlineData(CpuVersion.V4)]
        public void Sign_extension_gives_the_same_values_on_both_targets(CpuVersion cpu)
        {
            IrFunction function = SignExtensions();
            var context = new byte[] { 0x80, 0, 0, 0, 0xfe, 0xff, 0xff, 0xff };
            ProgramImage image = BpfBackend.Compile(function, ProgramType.Xdp, new BackendOptions { Cpu = cpu });
            Assert.Equal(unchecked((ulong)(-128L + -2L)), new BpfMachine(image, context).Run(BpfMachine.ContextBase));
        }

        [Fact]
        public void Byte_swaps_and_truncations_use_BPF_END_and_ALU32()
        {
            var f = new IrFunctionBuilder("swap", IrType.I32);
            VirtualRegister a = f.Parameter(IrType.I64, "a");
            f.At(f.Block("entry"));
            VirtualRegister low = f.Convert(ConversionKind.Truncate, a, IrType.I16, "low");
            VirtualRegister swapped = f.Unary(UnaryOperation.ByteSwap, low, "swapped");
            f.Return(f.Convert(ConversionKind.ZeroExtend, swapped, IrType.I32));
            ProgramImage image = BpfBackend.Compile(f.Function, ProgramType.Xdp);
            Assert.Equal(Listing.Lines("r0 = r1", "w0 &= 65535", "r0 = be16 r0", "exit"), Listing.Text(image));
            Assert.Equal(0x3412UL, new BpfMachine(image).Run(0xffff_1234));
        }

        [Fact]
        public void Division_by_a_constant_zero_is_never_emitted_because_the_verifier_rejects_it()
        {
            var f = new IrFunctionBuilder("zero", IrType.I32);
            VirtualRegister a = f.Parameter(IrType.I32, "a");
            f.At(f.Block("entry"));
            VirtualRegister quotient = f.Divide(a, IrFunctionBuilder.I32(0), signed: false, name: "q");
            VirtualRegister remainder = f.Remainder(a, IrFunctionBuilder.I32(0), signed: false, name: "r");
            f.Return(f.Add(quotient, remainder));
            ProgramImage image = BpfBackend.Compile(f.Function, ProgramType.Xdp);
            Assert.DoesNotContain(Listing.Of(image), l => l.Contains("/=") || l.Contains("%="));
            Assert.Equal(9UL, new BpfMachine(image).Run(9));
        }
    }
}

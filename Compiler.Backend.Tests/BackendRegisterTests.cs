using System.Linq;
using Ebpf.Asm;
using Ebpf.Compiler.IR;
using Xunit;

namespace Ebpf.Compiler.Backend.Tests
{
    /// <summary>Register allocation: pressure and spills, calls clobbering r1–r5, parallel argument moves.</summary>
    public sealed class BackendRegisterTests
    {
        private static ulong Interpret(IrFunction function, byte[] context, System.Func<int, ulong[], ulong>? helpers = null)
        {
            var interpreter = new IrInterpreter();
            if (helpers is not null)
            {
                interpreter.Helpers = (id, arguments) => new InterpreterValue(helpers(id, arguments.Select(a => a.Bits).ToArray()));
            }

            return interpreter.Run(function, InterpreterValue.Pointer(new MemoryRegion("ctx", context))).Bits;
        }

        private static byte[] Context(int size)
        {
            var bytes = new byte[size];
            for (int i = 0; i < size; i++)
            {
                bytes[i] = (byte)(i * 37 + 11);
            }

            return bytes;
        }

        [Fact]
        public void More_live_values_than_registers_spill_to_the_stack_and_keep_their_values()
        {
            IrFunction function = BackendPrograms.Pressure(12);
            ProgramImage image = BpfBackend.Compile(function, ProgramType.Xdp);
            string[] listing = Listing.Of(image);
            int spillStores = listing.Count(l => l.StartsWith("*(u64 *)(r10 -", System.StringComparison.Ordinal));
            Assert.InRange(spillStores, 1, 2);
            byte[] context = Context(96);
            var machine = new BpfMachine(image, (byte[])context.Clone());
            Assert.Equal(Interpret(function, context), machine.Run(BpfMachine.ContextBase));
        }

        [Fact]
        public void A_32_bit_value_spills_as_8_bytes_so_the_verifier_keeps_its_bounds()
        {
            // The verifier tracks a spilled scalar's range only for 8-byte spills; a u32 spill reloads as 0..2^32-1.
            var f = new IrFunctionBuilder("pressure32", IrType.I32);
            VirtualRegister ctx = f.Parameter(Samples.Context, "ctx");
            f.At(f.Block("entry"));
            var values = new VirtualRegister[12];
            for (int k = 0; k < values.Length; k++)
            {
                values[k] = f.Load(IrType.I32, ctx, 4 * k, name: "v" + k);
            }

            IrValue total = values[values.Length - 1];
            for (int k = values.Length - 2; k >= 0; k--)
            {
                total = f.Multiply(f.Add(total, values[k]), IrFunctionBuilder.I32(3));
            }

            f.Return(total);
            ProgramImage image = BpfBackend.Compile(f.Function, ProgramType.Xdp);
            string[] listing = Listing.Of(image);
            Assert.Contains(listing, l => l.StartsWith("*(u64 *)(r10 -", System.StringComparison.Ordinal));
            Assert.Contains(listing, l => l.Contains("= *(u64 *)(r10 -", System.StringComparison.Ordinal));
            Assert.DoesNotContain(listing, l => l.Contains("(u32 *)(r10", System.StringComparison.Ordinal));
            byte[] context = Context(96);
            var machine = new BpfMachine(image, (byte[])context.Clone());
            Assert.Equal(Interpret(f.Function, context), machine.Run(BpfMachine.ContextBase));
        }

        [Fact]
        public void Nine_live_values_fit_without_spills()
        {
            IrFunction function = BackendPrograms.Pressure(9);
            string[] listing = Listing.Compile(function);
            Assert.DoesNotContain(listing, l => l.Contains("r10"));
        }

        [Fact]
        public void Values_live_across_a_call_move_to_callee_saved_registers()
        {
            var f = new IrFunctionBuilder("calls", IrType.I64);
            VirtualRegister a = f.Parameter(IrType.I64, "a");
            VirtualRegister b = f.Parameter(IrType.I64, "b");
            f.At(f.Block("entry"));
            VirtualRegister first = f.CallHelper(1002, IrType.I64, b, a)!;
            VirtualRegister second = f.CallHelper(1000, IrType.I64)!;
            f.Return(f.Add(f.Add(f.Add(first, second), a), b));
            ProgramImage image = BpfBackend.Compile(f.Function, ProgramType.Xdp);
            Assert.Equal(
                Listing.Lines(
                    "r6 = r1",
                    "r7 = r2",
                    "r1 = r7",
                    "r2 = r6",
                    "call 1002",
                    "r8 = r0",
                    "call 1000",
                    "r0 += r8",
                    "r0 += r6",
                    "r0 += r7",
                    "exit"),
                Listing.Text(image));
            var machine = new BpfMachine(image) { Helpers = (id, registers) => RandomPrograms.Helper(id, registers) };
            ulong expected = RandomPrograms.Helper(1002, new ulong[] { 22, 11 }) + RandomPrograms.Helper(1000, new ulong[0]) + 11 + 22;
            Assert.Equal(expected, machine.Run(11, 22));
        }

        [Fact]
        public void A_value_read_between_every_call_keeps_its_callee_saved_register_and_values_read_once_spill()
        {
            // Seven values live across calls (the context, five loads, the running total) and four callee-saved
            // registers: the context, read after every call and last of all, stays in a register; three loaded
            // values, read once each, go to the stack for one reload apiece (spilling the context would cost nine).
            var f = new IrFunctionBuilder("crossing", IrType.I64);
            VirtualRegister ctx = f.Parameter(Samples.Context, "ctx");
            f.At(f.Block("entry"));
            var values = new VirtualRegister[5];
            for (int k = 0; k < values.Length; k++)
            {
                values[k] = f.Load(IrType.I64, ctx, 8 * k, name: "v" + k);
            }

            IrValue total = IrFunctionBuilder.I64(0);
            for (int round = 0; round < 4; round++)
            {
                VirtualRegister result = f.CallHelper(1000, IrType.I64)!;
                total = f.Add(f.Add(total, result), f.Load(IrType.I64, ctx, 8 * (round + 5)));
            }

            foreach (VirtualRegister value in values)
            {
                total = f.Add(total, value);
            }

            f.Return(f.Add(total, f.Load(IrType.I64, ctx, 72)));
            ProgramImage image = BpfBackend.Compile(f.Function, ProgramType.Xdp);
            string[] listing = Listing.Of(image);
            Assert.InRange(listing.Count(l => l.Contains("= *(u64 *)(r10 -", System.StringComparison.Ordinal)), 1, 3);
            byte[] context = Context(96);
            var machine = new BpfMachine(image, (byte[])context.Clone()) { Helpers = (id, registers) => RandomPrograms.Helper(id, registers) };
            Assert.Equal(Interpret(f.Function, context, RandomPrograms.Helper), machine.Run(BpfMachine.ContextBase));
        }

        [Fact]
        public void A_spilled_value_is_not_reloaded_into_a_register_that_still_holds_it()
        {
            IrFunction function = BackendPrograms.Pressure(12);
            string[] listing = Listing.Of(BpfBackend.Compile(function, ProgramType.Xdp));
            Assert.Contains(listing, l => l.StartsWith("*(u64 *)(r10 -", System.StringComparison.Ordinal));
            for (int i = 0; i + 1 < listing.Length; i++)
            {
                // "*(u64 *)(r10 - 8) = r3" then "r3 = *(u64 *)(r10 - 8)" reloads what r3 already holds.
                string[] store = listing[i].Split(" = ");
                if (store.Length == 2 && store[0].StartsWith("*(u64 *)(r10 -", System.StringComparison.Ordinal))
                {
                    Assert.NotEqual($"{store[1]} = {store[0]}", listing[i + 1]);
                }
            }
        }

        [Fact]
        public void Swapped_arguments_are_exchanged_through_a_scratch_register()
        {
            var f = new IrFunctionBuilder("swap", IrType.I64);
            VirtualRegister a = f.Parameter(IrType.I64, "a");
            VirtualRegister b = f.Parameter(IrType.I64, "b");
            f.At(f.Block("entry"));
            f.Return(f.CallHelper(1002, IrType.I64, b, a)!);
            ProgramImage image = BpfBackend.Compile(f.Function, ProgramType.Xdp);
            Assert.Equal(Listing.Lines("r0 = r2", "r2 = r1", "r1 = r0", "call 1002", "exit"), Listing.Text(image));
            var machine = new BpfMachine(image) { Helpers = (id, registers) => RandomPrograms.Helper(id, registers) };
            Assert.Equal(RandomPrograms.Helper(1002, new ulong[] { 2, 1 }), machine.Run(1, 2));
        }

        [Fact]
        public void A_narrow_helper_result_is_zero_extended()
        {
            var f = new IrFunctionBuilder("narrow", IrType.I64);
            f.At(f.Block("entry"));
            VirtualRegister word = f.CallHelper(1000, IrType.I32)!;
            VirtualRegister half = f.CallHelper(1000, IrType.I16)!;
            VirtualRegister wide = f.Convert(ConversionKind.ZeroExtend, word, IrType.I64);
            f.Return(f.Add(wide, f.Convert(ConversionKind.ZeroExtend, half, IrType.I64)));
            ProgramImage image = BpfBackend.Compile(f.Function, ProgramType.Xdp);
            var machine = new BpfMachine(image) { Helpers = (_, _) => 0xdead_beef_0001_0002UL };
            Assert.Equal(0x0001_0002UL + 0x0002UL, machine.Run());
        }

        [Fact]
        public void A_map_reference_is_loaded_again_at_each_call_instead_of_occupying_a_callee_saved_register()
        {
            var f = new IrFunctionBuilder("twice", IrType.I64);
            StackSlot key = f.StackSlot(4, 4, "key");
            f.At(f.Block("entry"));
            f.Store(key, 0, IrFunctionBuilder.I32(1));
            VirtualRegister map = f.Map("counters", "map");
            VirtualRegister first = f.CallHelper(1, IrType.I64, map, key)!;
            VirtualRegister second = f.CallHelper(1, IrType.I64, map, key)!;
            f.Return(f.Add(first, second));
            ProgramImage image = BpfBackend.Compile(f.Function, ProgramType.Xdp);
            Assert.Equal(
                Listing.Lines(
                    "*(u32 *)(r10 - 4) = 1",
                    "r1 = map[counters] ll",
                    "r2 = r10",
                    "r2 += -4",
                    "call 1",
                    "r6 = r0",
                    "r1 = map[counters] ll",
                    "r2 = r10",
                    "r2 += -4",
                    "call 1",
                    "r0 += r6",
                    "exit"),
                Listing.Text(image));
            Assert.Equal(2, image.Relocations.Count);
        }
    }
}

using System;
using Ebpf.Asm;
using Ebpf.Compiler.IR;
using Xunit;
using IrAtomic = Ebpf.Compiler.IR.AtomicOperation;

namespace Ebpf.Compiler.Backend.Tests
{
    /// <summary>Atomic read-modify-writes (BPF_ATOMIC) and store-immediate selection: listings and semantics.</summary>
    public sealed class BackendAtomicTests
    {
        /// <summary>counters[7].Packets (at +8) += ctx's 32-bit field at +16, through a map lookup.</summary>
        private static IrFunction MapCounter(IrAtomic operation, bool fetch)
        {
            var f = new IrFunctionBuilder("counter", IrType.I64);
            VirtualRegister ctx = f.Parameter(Samples.Context, "ctx");
            StackSlot key = f.StackSlot(4, 4, "key");
            BasicBlock entry = f.Block("entry");
            BasicBlock found = f.Block("found");
            BasicBlock missing = f.Block("missing");
            f.At(entry);
            VirtualRegister amount = f.Load(IrType.I64, ctx, 16, 32, name: "amount");
            f.Store(key, 0, IrFunctionBuilder.I32(7));
            VirtualRegister value = f.CallHelper(1, IrType.PointerTo(PointerKind.MapValueOrNull), f.Map("counters"), key)!;
            f.Branch(Condition.Equal, value, IrFunctionBuilder.I64(0), missing, found);
            f.At(found);
            VirtualRegister pointer = f.Convert(ConversionKind.AssumeNonNull, value, IrType.PointerTo(PointerKind.MapValue), "v");
            f.Store(pointer, 0, IrFunctionBuilder.I64(0));
            VirtualRegister? old = f.Atomic(operation, pointer, 8, amount, fetch, operation == IrAtomic.CompareExchange ? IrFunctionBuilder.I64(5) : null);
            f.Return(old is null ? IrFunctionBuilder.I64(0) : old);
            f.At(missing);
            f.Return(IrFunctionBuilder.I64(1));
            return f.Function;
        }

        /// <summary>Runs <paramref name="function"/> with a context whose +16 holds <paramref name="amount"/> and a map value (in the test context's upper half) holding <paramref name="before"/> at +8.</summary>
        private static (ulong Result, ulong After) RunOnMachine(IrFunction function, uint amount, ulong before)
        {
            var context = new byte[64];
            BitConverter.GetBytes(amount).CopyTo(context, 16);
            BitConverter.GetBytes(before).CopyTo(context, 40);
            var machine = new BpfMachine(BpfBackend.Compile(function, ProgramType.Xdp), context) { Helpers = (id, args) => BpfMachine.ContextBase + 32 };
            ulong result = machine.Run(BpfMachine.ContextBase);
            return (result, BitConverter.ToUInt64(machine.Context, 40));
        }

        private static (ulong Result, ulong After) RunOnInterpreter(IrFunction function, uint amount, ulong before)
        {
            var context = new MemoryRegion("ctx", new byte[64]);
            BitConverter.GetBytes(amount).CopyTo(context.Bytes, 16);
            var value = new MemoryRegion("value", new byte[16]);
            BitConverter.GetBytes(before).CopyTo(value.Bytes, 8);
            var interpreter = new IrInterpreter
            {
                Maps = (symbol, offset) => InterpreterValue.Pointer(new MemoryRegion(symbol, new byte[8])),
                Helpers = (id, args) => InterpreterValue.Pointer(value),
            };
            ulong result = interpreter.Run(function, InterpreterValue.Pointer(context)).Bits;
            return (result, BitConverter.ToUInt64(value.Bytes, 8));
        }

        [Fact]
        public void A_counter_add_is_one_lock_add_and_a_zero_store_is_one_store_immediate()
        {
            Assert.Equal(
                Listing.Lines(
                    "r6 = *(u32 *)(r1 + 16)",
                    "*(u32 *)(r10 - 4) = 7",
                    "r1 = map[counters] ll",
                    "r2 = r10",
                    "r2 += -4",
                    "call 1",
                    "if r0 == 0 goto +4",
                    "*(u64 *)(r0 + 0) = 0",
                    "lock *(u64 *)(r0 + 8) += r6",
                    "r0 = 0",
                    "exit",
                    "r0 = 1",
                    "exit"),
                Listing.Text(MapCounter(IrAtomic.Add, fetch: false)));
        }

        [Fact]
        public void A_fetch_returns_the_old_value_in_the_operand_register()
        {
            string listing = Listing.Text(MapCounter(IrAtomic.Add, fetch: true));
            Assert.Contains("r6 = atomic_fetch_add((u64 *)(r0 + 8), r6)", listing);
        }

        [Fact]
        public void Compare_exchange_compares_with_r0_and_keeps_live_values_out_of_r0_to_r5()
        {
            string listing = Listing.Text(MapCounter(IrAtomic.CompareExchange, fetch: true));
            Assert.Contains("r0 = cmpxchg_64(r1 + 8, r0, r2)", listing);
        }

        [Theory]
        [InlineData(IrAtomic.Add, false, 3u, 40UL)]
        [InlineData(IrAtomic.Add, true, 3u, 40UL)]
        [InlineData(IrAtomic.Or, true, 0x0fu, 0xf0UL)]
        [InlineData(IrAtomic.And, true, 0x3cu, 0xf0UL)]
        [InlineData(IrAtomic.Xor, false, 0xffu, 0xf0UL)]
        [InlineData(IrAtomic.Exchange, true, 9u, 123UL)]
        [InlineData(IrAtomic.CompareExchange, true, 9u, 5UL)]
        [InlineData(IrAtomic.CompareExchange, true, 9u, 6UL)]
        public void The_machine_and_the_interpreter_agree_with_the_definition(IrAtomic operation, bool fetch, uint amount, ulong before)
        {
            // The stored 0 at +0 does not touch +8; the atomic changes +8 and (fetching) returns what was there.
            ulong expectedAfter = operation switch
            {
                IrAtomic.Add => before + amount,
                IrAtomic.Or => before | amount,
                IrAtomic.And => before & amount,
                IrAtomic.Xor => before ^ amount,
                IrAtomic.Exchange => amount,
                _ => before == 5 ? amount : before,
            };
            ulong expectedResult = fetch ? before : 0;
            Assert.Equal((expectedResult, expectedAfter), RunOnMachine(MapCounter(operation, fetch), amount, before));
            Assert.Equal((expectedResult, expectedAfter), RunOnInterpreter(MapCounter(operation, fetch), amount, before));
        }

        [Fact]
        public void Thirty_two_bit_atomics_on_the_stack_use_word_size()
        {
            var f = new IrFunctionBuilder("stack32", IrType.I32);
            VirtualRegister a = f.Parameter(IrType.I32, "a");
            StackSlot slot = f.StackSlot(4, 4, "n");
            f.At(f.Block("entry"));
            f.Store(slot, 0, IrFunctionBuilder.I32(-2));
            f.Atomic(IrAtomic.Add, slot, 0, a, fetch: false);
            VirtualRegister old = f.Atomic(IrAtomic.Exchange, slot, 0, IrFunctionBuilder.I32(1), fetch: true)!;
            f.Return(f.Add(old, f.Load(IrType.I32, slot, 0)));
            IrFunction function = f.Function;
            string listing = Listing.Text(function);
            Assert.Contains("*(u32 *)(r10 - 4) = -2", listing);
            Assert.Contains("lock *(u32 *)(r10 - 4) += r1", listing);
            Assert.Contains("= xchg32_32(r10 - 4,", listing);
            // (-2 + 5) = 3 exchanged for 1: 3 + 1.
            Assert.Equal(4UL, new BpfMachine(BpfBackend.Compile(function, ProgramType.Xdp)).Run(5));
            Assert.Equal(4UL, new IrInterpreter().Run(function, new InterpreterValue(5)).Bits);
        }

        [Fact]
        public void The_printer_spells_atomics_and_the_verifier_keeps_them_off_the_context()
        {
            IrFunction counter = MapCounter(IrAtomic.Add, fetch: true);
            Assert.Empty(IrVerifier.Check(counter));
            Assert.Contains(": i64 = atomic.fetch_add.u64 [%v + 8], %amount", IrPrinter.Print(counter));
            Assert.Contains("atomic.cmpxchg.u64 [%v + 8], %amount, 5", IrPrinter.Print(MapCounter(IrAtomic.CompareExchange, fetch: true)));
            Assert.Contains("\n  atomic.or.u64 [%v + 8], %amount\n", IrPrinter.Print(MapCounter(IrAtomic.Or, fetch: false)));

            var f = new IrFunctionBuilder("bad", null);
            VirtualRegister ctx = f.Parameter(Samples.Context, "ctx");
            f.At(f.Block("entry"));
            f.Atomic(IrAtomic.Add, ctx, 0, IrFunctionBuilder.I32(1), fetch: false);
            f.Return();
            Assert.Contains(IrVerifier.Check(f.Function), p => p.Contains("atomics work on the stack and map values"));
        }

        [Fact]
        public void Constant_stores_are_store_immediates_when_the_constant_fits_s32()
        {
            var f = new IrFunctionBuilder("stores", IrType.I64);
            StackSlot slot = f.StackSlot(16, 8, "s");
            f.At(f.Block("entry"));
            f.Store(slot, 0, IrFunctionBuilder.I64(-1));
            f.Store(slot, 8, IrFunctionBuilder.I64(0x1_0000_0000L));
            f.Store(slot, 4, IrFunctionBuilder.I32(unchecked((int)0xdeadbeef)));
            f.Store(slot, 2, IrFunctionBuilder.I32(0x1234), 16);
            f.Return(f.Add(f.Load(IrType.I64, slot, 0), f.Load(IrType.I64, slot, 8)));
            IrFunction function = f.Function;
            Assert.Equal(
                Listing.Lines(
                    "*(u64 *)(r10 - 16) = -1",
                    "r1 = 4294967296 ll",
                    "*(u64 *)(r10 - 8) = r1",
                    "*(u32 *)(r10 - 12) = -559038737",
                    "*(u16 *)(r10 - 14) = 4660",
                    "r0 = *(u64 *)(r10 - 16)",
                    "r1 = *(u64 *)(r10 - 8)",
                    "r0 += r1",
                    "exit"),
                Listing.Text(function));
            ulong expected = unchecked(0xdead_beef_1234_ffffUL + 0x1_0000_0000UL);
            Assert.Equal(expected, new BpfMachine(BpfBackend.Compile(function, ProgramType.Xdp)).Run());
            Assert.Equal(expected, new IrInterpreter().Run(function).Bits);
        }

        [Fact]
        public void The_context_gets_a_register_store_not_a_store_immediate()
        {
            // The verifier refuses BPF_ST into the context ("BPF_ST stores into R1 ctx is not allowed").
            var f = new IrFunctionBuilder("mark", IrType.I32);
            VirtualRegister ctx = f.Parameter(Samples.Context, "ctx");
            f.At(f.Block("entry"));
            f.Store(ctx, 8, IrFunctionBuilder.I32(3));
            f.Return(IrFunctionBuilder.I32(0));
            Assert.Equal(Listing.Lines("r2 = 3", "*(u32 *)(r1 + 8) = r2", "r0 = 0", "exit"), Listing.Text(f.Function));
        }
    }
}

using Ebpf.Compiler.IR;
using Xunit;

namespace Ebpf.Compiler.Backend.Tests
{
    public sealed class IrInterpreterTests
    {
        private static ulong RunOnPacket(IrFunction function, int length)
        {
            var packet = new MemoryRegion("packet", new byte[length]);
            if (length > 13)
            {
                packet.Bytes[12] = 0x86;
                packet.Bytes[13] = 0xdd;
            }

            var interpreter = new IrInterpreter { ContextPointers = offset => InterpreterValue.Pointer(packet, offset == 0 ? 0 : length) };
            return interpreter.Run(function, InterpreterValue.Pointer(new MemoryRegion("ctx", new byte[8]))).Bits;
        }

        [Fact]
        public void Runs_a_bounds_checked_packet_read()
        {
            Assert.Equal(1UL, RunOnPacket(Samples.EthernetCheck(), 13));
            Assert.Equal(0xdd86UL + 7, RunOnPacket(Samples.EthernetCheck(), 60));
        }

        [Fact]
        public void An_out_of_bounds_read_is_reported()
        {
            var f = new IrFunctionBuilder("oob", IrType.I32);
            VirtualRegister ctx = f.Parameter(Samples.Context, "ctx");
            f.At(f.Block("entry"));
            f.Return(f.Load(IrType.I32, ctx, 6, 32));
            var failure = Assert.Throws<IrInterpreterException>(
                () => new IrInterpreter().Run(f.Function, InterpreterValue.Pointer(new MemoryRegion("ctx", new byte[8]))));
            Assert.Contains("load of 4 bytes at ctx+6 is out of bounds", failure.Message);
        }

        [Fact]
        public void A_runaway_loop_stops_at_the_step_limit()
        {
            var f = new IrFunctionBuilder("spin", null);
            BasicBlock entry = f.Block("entry");
            f.At(entry);
            f.Jump(entry);
            Assert.Throws<IrInterpreterException>(() => new IrInterpreter { StepLimit = 1000 }.Run(f.Function));
        }

        [Fact]
        public void Helpers_tail_calls_and_maps_come_from_the_test()
        {
            var f = new IrFunctionBuilder("calls", IrType.I64);
            VirtualRegister ctx = f.Parameter(Samples.Context, "ctx");
            f.At(f.Block("entry"));
            VirtualRegister map = f.Map("counters");
            f.TailCall(ctx, "slots", "missing");
            VirtualRegister result = f.CallHelper(7, IrType.I64, map, IrFunctionBuilder.I64(5))!;
            f.TailCall(ctx, "slots", IrFunctionBuilder.I32(1));
            f.Return(result);
            var interpreter = new IrInterpreter
            {
                Maps = (symbol, offset) => InterpreterValue.Scalar(symbol.Length * 100 + offset),
                Helpers = (id, arguments) => InterpreterValue.Scalar(id + (long)arguments[0].Bits + (long)arguments[1].Bits),
                TailCalls = (array, index, program) => program is null ? InterpreterValue.Scalar(99) : null,
            };
            Assert.Equal(99UL, interpreter.Run(f.Function, InterpreterValue.Pointer(new MemoryRegion("ctx", new byte[8]))).Bits);
            interpreter.TailCalls = (_, _, _) => null;
            Assert.Equal((ulong)(7 + 799 + 5), interpreter.Run(f.Function, InterpreterValue.Pointer(new MemoryRegion("ctx", new byte[8]))).Bits);
        }
    }
}

using Ebpf.Compiler.IR;
using Ebpf.Compiler.Passes;
using Xunit;

namespace Ebpf.Compiler.Backend.Tests
{
    public sealed class BoundsCheckMergingTests
    {
        /// <summary>Checks data + 14 then data + 34 (Ethernet, then IPv4) with an effect-free read in between.</summary>
        private static IrFunction TwoChecks(bool storeBetween, int first = 14, int second = 34)
        {
            var f = new IrFunctionBuilder("f", IrType.I32);
            VirtualRegister ctx = f.Parameter(Samples.Context, "ctx");
            StackSlot slot = f.StackSlot(4, 4, "out");
            BasicBlock entry = f.Block("entry");
            BasicBlock middle = f.Block("middle");
            BasicBlock body = f.Block("body");
            BasicBlock drop = f.Block("drop");
            f.At(entry);
            VirtualRegister data = f.Load(Samples.Packet, ctx, 0, 32, name: "data");
            VirtualRegister end = f.Load(Samples.PacketEnd, ctx, 4, 32, name: "end");
            f.Branch(Condition.UnsignedGreater, f.Add(data, IrFunctionBuilder.I64(first), "eth"), end, drop, middle);
            f.At(middle);
            VirtualRegister proto = f.Load(IrType.I32, data, 12, 16, name: "proto");
            if (storeBetween)
            {
                f.Store(slot, 0, proto);
            }

            f.Branch(Condition.UnsignedLessOrEqual, f.Add(data, IrFunctionBuilder.I64(second), "ip"), end, body, drop);
            f.At(body);
            f.Return(f.Load(IrType.I32, data, 23, 8, name: "ttl"));
            f.At(drop);
            f.Return(IrFunctionBuilder.I32(1));
            return f.Function;
        }

        [Fact]
        public void The_first_check_takes_the_larger_length_and_the_second_goes()
        {
            IrFunction function = TwoChecks(storeBetween: false);
            Assert.True(new BoundsCheckMerging().Run(function));
            IrVerifier.Verify(function);
            string text = function.ToString();
            Assert.Contains("%7: ptr.pkt = add %data, 34\n  br ugt %7, %end, drop, middle\n", text);
            Assert.Contains("middle:\n  %proto: i32 = load.u16 [%data + 12]\n  %ip: ptr.pkt = add %data, 34\n  jmp body\n", text);
        }

        [Fact]
        public void A_smaller_second_check_is_simply_dropped()
        {
            IrFunction function = TwoChecks(storeBetween: false, first: 34, second: 14);
            Assert.True(new BoundsCheckMerging().Run(function));
            string text = function.ToString();
            Assert.Contains("br ugt %eth, %end, drop, middle", text);
            Assert.Contains("jmp body", text);
        }

        [Fact]
        public void Checks_with_a_side_effect_between_them_stay()
        {
            IrFunction function = TwoChecks(storeBetween: true);
            Assert.False(new BoundsCheckMerging().Run(function));
        }

        [Fact]
        public void Merging_keeps_the_result_for_every_packet_length()
        {
            IrFunction original = TwoChecks(storeBetween: false);
            IrFunction merged = original.Clone();
            PassPipeline.CreateDefault().Run(merged);
            for (int length = 0; length <= 40; length++)
            {
                Assert.Equal(Run(original, length), Run(merged, length));
            }
        }

        private static ulong Run(IrFunction function, int length)
        {
            var packet = new MemoryRegion("packet", new byte[length]);
            for (int i = 0; i < length; i++)
            {
                packet.Bytes[i] = (byte)(i * 7);
            }

            var interpreter = new IrInterpreter
            {
                ContextPointers = offset => InterpreterValue.Pointer(packet, offset == 0 ? 0 : length),
            };
            return interpreter.Run(function, InterpreterValue.Pointer(new MemoryRegion("ctx", new byte[8]))).Bits;
        }
    }
}

using Ebpf.Compiler.Tests.FrontEnd.Programs;
using Ebpf.Dsl;
using Ebpf.Loader.Loading;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Programs;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Compiler
{
    /// <summary>Packet reads and writes compiled with the bounds checks the verifier needs, with the CLR's results.</summary>
    public sealed class CompiledPacketTests : KernelTest
    {
        [Theory]
        [InlineData(64, 0x00)]
        [InlineData(42, 0x00)]
        [InlineData(64, 0x40)]
        [InlineData(64, 0x21)]
        [InlineData(64, 0x80)]
        public void Kernel_and_clr_agree_on_verdict_rewritten_packet_and_what_was_seen(int length, byte flagsHigh)
        {
            byte[] packet = Packets.Ipv4Udp(length);
            packet[20] = flagsHigh; // IPv4 flags and the fragment offset's high bits
            using LoadedCollection collection = Collection.Load(CompiledPrograms.Compile("PacketInspector", "PacketInspector.cs"));
            TestRunResult run = collection.Program("Inspect").TestRun(packet);
            ulong[] kernelSeen = new ArrayView<ulong>(collection.Map("Seen")).ToArray();

            XdpAction clrVerdict;
            byte[] clrPacket;
            var clrSeen = new ulong[6];
            using (BpfRuntime.Enter(new BpfRuntime()))
            {
                PacketInspector.Seen.Clear();
                var context = new XdpContext(packet);
                clrVerdict = PacketInspector.Inspect(context);
                clrPacket = context.ToArray();
                for (uint i = 0; i < clrSeen.Length; i++)
                {
                    clrSeen[i] = PacketInspector.Seen.Lookup(i)!.Value;
                }
            }

            Assert.Equal(XdpAction.Tx, clrVerdict);
            Assert.Equal((ulong)53 + 1, clrSeen[5]);
            Assert.Equal((uint)clrVerdict, run.ReturnValue);
            Assert.Equal(clrPacket, run.DataOut);
            Assert.Equal(clrSeen, kernelSeen);
        }
    }
}

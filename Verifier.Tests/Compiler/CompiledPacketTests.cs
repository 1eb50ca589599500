using Ebpf.Compiler.Tests.FrontEnd.Programs;
using Ebpf.Dsl;
using Ebpf.Verifier.Tests.Differential;
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
            using var harness = new DifferentialHarness(CompiledPrograms.Compile("PacketInspector", "PacketInspector.cs"), typeof(PacketInspector));

            string? difference = harness.Step(nameof(PacketInspector.Inspect), $"ipv4-udp-{length} flags {flagsHigh:x2}", packet);

            Assert.Null(difference);
            Assert.Equal(((uint)XdpAction.Tx).ToString(), harness.LastClrVerdict);
            Assert.Equal((ulong)53 + 1, PacketInspector.Seen.Lookup(5)!.Value); // the CLR run rewrote port 53 to 54
        }
    }
}

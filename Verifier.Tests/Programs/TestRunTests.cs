using System.Linq;
using Ebpf.Asm;
using Ebpf.Loader.Programs;
using Ebpf.Loader.Sys;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Programs
{
    public sealed class TestRunTests : KernelTest
    {
        // Swaps the Ethernet source and destination MAC addresses after a bounds check, then XDP_TX (3);
        // a frame shorter than 14 bytes would be XDP_DROP (1).
        private const string SwapMacs = @"
    r2 = *(u32 *)(r1 + 0)           ; data
    r3 = *(u32 *)(r1 + 4)           ; data_end
    r4 = r2
    r4 += 14
    r0 = 1                          ; XDP_DROP
    if r4 > r3 goto done
    r5 = *(u32 *)(r2 + 0)
    r6 = *(u16 *)(r2 + 4)
    r7 = *(u32 *)(r2 + 6)
    r8 = *(u16 *)(r2 + 10)
    *(u32 *)(r2 + 0) = r7
    *(u16 *)(r2 + 4) = r8
    *(u32 *)(r2 + 6) = r5
    *(u16 *)(r2 + 10) = r6
    r0 = 3                          ; XDP_TX
done:
    exit
";

        [Fact]
        public void An_xdp_program_rewrites_the_packet_and_the_data_comes_back()
        {
            using BpfProgram program = BpfProgram.Load(AsmPrograms.FromText(SwapMacs, "swap_macs", ProgramType.Xdp));
            byte[] frame = Packets.Ipv4Udp(64);

            TestRunResult result = program.TestRun(frame);

            Assert.Equal(3u, result.ReturnValue);
            Assert.Equal(frame.Length, result.DataOut.Length);
            Assert.Equal(frame.Skip(6).Take(6), result.DataOut.Take(6));
            Assert.Equal(frame.Take(6), result.DataOut.Skip(6).Take(6));
            Assert.Equal(frame.Skip(12), result.DataOut.Skip(12));
        }

        [Fact]
        public void Repeated_runs_report_a_mean_duration()
        {
            using BpfProgram program = BpfProgram.Load(AsmPrograms.FromText("r0 = 2\nexit\n", "pass", ProgramType.Xdp));

            TestRunResult result = program.TestRun(Packets.Ipv4Udp(64), repeat: 1000);

            Assert.Equal(2u, result.ReturnValue);
            Assert.InRange(result.DurationNs, 1u, 1_000_000u);
        }

        [Fact]
        public void An_xdp_test_run_shorter_than_an_ethernet_header_is_explained()
        {
            using BpfProgram program = BpfProgram.Load(AsmPrograms.FromText("r0 = 2\nexit\n", "pass", ProgramType.Xdp));

            BpfException error = Assert.Throws<BpfException>(() => program.TestRun(new byte[13]));

            Assert.Equal(Errno.EINVAL, error.Errno);
            Assert.Contains("at least 14 bytes", error.Message);
        }

        [Fact]
        public void A_cgroup_skb_program_reads_the_packet_length_and_decides()
        {
            // allow (1) when skb->len >= 40, else deny (0); a cgroup_skb sees the packet from the IP header on
            const string source = @"
    r2 = *(u32 *)(r1 + 0)           ; __sk_buff.len
    r0 = 0
    if r2 < 40 goto done
    r0 = 1
done:
    exit
";
            using BpfProgram program = BpfProgram.Load(AsmPrograms.FromText(source, "len_gate", ProgramType.CgroupSkb, AttachType.CgroupInetEgress));

            TestRunResult big = program.TestRun(Packets.Ipv4Udp(64));
            TestRunResult small = program.TestRun(Packets.Ipv4Udp(42));

            Assert.Equal(1u, big.ReturnValue); // len 50
            Assert.Equal(0u, small.ReturnValue); // len 28
            Assert.Equal(64, big.DataOut.Length);
            Assert.Equal(Packets.Ipv4Udp(64).Skip(14), big.DataOut.Skip(14)); // the IP packet comes back unchanged
        }
    }
}

using System.Linq;
using Ebpf.Programs.Filter;
using Ebpf.Verifier.Tests.Differential;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Filter
{
    /// <summary>The filter in the differential harness: the shared packet corpus and random packets, as shipped
    /// (all-zero configuration) and with every feature on and a drop list.</summary>
    [Collection(nameof(FilterTestRunTests))]
    public sealed class FilterDifferentialTests : KernelTest
    {
        [Fact]
        public void Filter_agrees_on_the_corpus_unconfigured() =>
            DifferentialAssert.AgreeOnCorpus(XdpFilter.Image, typeof(XdpFilter), nameof(XdpFilter.Filter));

        [Fact]
        public void Filter_agrees_on_random_packets_unconfigured() =>
            DifferentialAssert.AgreeOnRandomPackets(XdpFilter.Image, typeof(XdpFilter), nameof(XdpFilter.Filter));

        [Fact]
        public void Filter_agrees_on_the_corpus_with_everything_on()
        {
            using var bench = new FilterBench();
            bench.Configure(fragsDrop: true, ptbSend: true, ptbMaxPps: 1000);
            bench.Drop("10.0.0.0/8");
            bench.Drop("192.168.0.0/16");
            bench.Drop("fe80::/10");
            int run = 0;
            foreach ((string name, byte[] packet) in PacketCorpus.All.Where(input => input.Packet.Length >= 14))
            {
                bench.Run(name, packet);
                run++;
            }

            Assert.True(run > 10, $"only {run} corpus packets ran");
        }
    }
}

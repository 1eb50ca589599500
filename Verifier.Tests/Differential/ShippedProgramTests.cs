using Ebpf.Programs.TailChain;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Differential
{
    /// <summary>
    /// The programs shipped in Ebpf.Programs (their images as the source generator embedded them) give the kernel's
    /// verdicts, packets and per-CPU context on the CLR, whole chains and single stages, over the corpus and random packets.
    /// </summary>
    public sealed class ShippedProgramTests : KernelTest
    {
        [Theory]
        [InlineData(nameof(XdpChain.Xdp1))]
        [InlineData(nameof(XdpChain.Xdp2))]
        [InlineData(nameof(XdpChain.Xdp3))]
        public void Xdp_chain_stages_agree_on_the_corpus(string program) =>
            DifferentialAssert.AgreeOnCorpus(DifferentialSources.Embedded(typeof(XdpChain)), typeof(XdpChain), program);

        [Fact]
        public void Xdp_chain_agrees_on_random_packets() =>
            DifferentialAssert.AgreeOnRandomPackets(DifferentialSources.Embedded(typeof(XdpChain)), typeof(XdpChain), nameof(XdpChain.Xdp1));

        [Theory]
        [InlineData(nameof(EgressChain.Egress1))]
        [InlineData(nameof(EgressChain.Egress2))]
        [InlineData(nameof(EgressChain.Egress3))]
        public void Egress_chain_stages_agree_on_the_corpus(string program) =>
            DifferentialAssert.AgreeOnCorpus(DifferentialSources.Embedded(typeof(EgressChain)), typeof(EgressChain), program);

        [Fact]
        public void Egress_chain_agrees_on_random_packets() =>
            DifferentialAssert.AgreeOnRandomPackets(DifferentialSources.Embedded(typeof(EgressChain)), typeof(EgressChain), nameof(EgressChain.Egress1));
    }
}

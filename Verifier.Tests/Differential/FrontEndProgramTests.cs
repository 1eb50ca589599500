using System.Linq;
using Ebpf.Compiler.Tests.FrontEnd.Programs;
using Ebpf.Programs.TailChain;
using Ebpf.Verifier.Tests.Compiler;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Differential
{
    /// <summary>
    /// The front end's DSL programs (Compiler.Tests/FrontEnd/Programs and the shipped tail chains of Programs/TailChain,
    /// compiled in-test) agree with their CLR run over the packet corpus and random packets.
    /// </summary>
    public sealed class FrontEndProgramTests : KernelTest
    {
        [Fact]
        public void Packet_inspector_agrees_on_the_corpus() =>
            DifferentialAssert.AgreeOnCorpus(CompiledPrograms.Compile("PacketInspector", "PacketInspector.cs"), typeof(PacketInspector), nameof(PacketInspector.Inspect));

        [Fact]
        public void Packet_inspector_agrees_on_random_packets() =>
            DifferentialAssert.AgreeOnRandomPackets(CompiledPrograms.Compile("PacketInspector", "PacketInspector.cs"), typeof(PacketInspector), nameof(PacketInspector.Inspect));

        [Theory]
        [InlineData("Xdp1")]
        [InlineData("Xdp3")]
        public void Xdp_chain_agrees_on_the_corpus(string program) =>
            DifferentialAssert.AgreeOnCorpus(CompiledPrograms.CompileShipped("XdpChain", "TailChain", "TailContext.cs", "XdpChain.cs"), typeof(XdpChain), program);

        [Theory]
        [InlineData("Egress1")]
        [InlineData("Egress3")]
        public void Egress_chain_agrees_on_the_corpus(string program) =>
            DifferentialAssert.AgreeOnCorpus(CompiledPrograms.CompileShipped("EgressChain", "TailChain", "TailContext.cs", "EgressChain.cs"), typeof(EgressChain), program);

        [Fact]
        public void Integer_semantics_agrees_on_every_corpus_packet_with_edge_inputs()
        {
            using var harness = new DifferentialHarness(CompiledPrograms.Compile("IntegerSemantics", "IntegerSemantics.cs"), typeof(IntegerSemantics));
            var differences = PacketCorpus.IntegerOperands
                .Select(input => (Operands: PacketCorpus.ReadOperands(input.Packet), input.Name))
                .Select(step =>
                {
                    harness.SetArrayEntry("Inputs", 0, step.Operands.X);
                    harness.SetArrayEntry("Inputs", 1, step.Operands.Y);
                    return harness.Step(nameof(IntegerSemantics.Compute), step.Name, Packets.Ipv4Udp());
                })
                .OfType<string>()
                .ToList();
            Assert.Equal(PacketCorpus.IntegerOperands.Count, harness.Steps);
            Assert.True(differences.Count == 0, string.Join("\n", differences));
        }
    }
}

using System;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Verifier.Tests.Differential.Programs;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Differential
{
    /// <summary>The harness finds differences where there are some, and says where: program, step, input, map, key.</summary>
    public sealed class HarnessSelfTests : KernelTest
    {
        private static readonly Lazy<CollectionImage> Image = new(() => DifferentialSources.CompileOwn(nameof(IntegerEdges), "IntegerEdges.cs"));

        /// <summary>
        /// The kernel's division results written out (<see cref="KernelDivision"/>): the image run against the unguarded
        /// division's CLR code (<see cref="UnguardedDivision"/>, which the compiler refuses), a real divergence.
        /// </summary>
        private static readonly Lazy<CollectionImage> KernelDivisionImage = new(() => DifferentialSources.CompileOwn(nameof(KernelDivision), "KernelDivision.cs"));

        [Fact]
        public void Division_by_zero_is_reported_with_the_verdicts_and_the_differing_map_entries()
        {
            using var harness = new DifferentialHarness(KernelDivisionImage.Value, typeof(UnguardedDivision));
            (string name, byte[] packet) = PacketCorpus.IntegerOperands.Single(input => input.Name == "x=1,y=-1");
            Assert.Null(harness.Step(nameof(UnguardedDivision.Divide), name, packet));

            (name, packet) = PacketCorpus.IntegerOperands.Single(input => input.Name == "x=0,y=0");
            string? difference = harness.Step(nameof(UnguardedDivision.Divide), name, packet);

            Assert.NotNull(difference);
            Assert.StartsWith("UnguardedDivision.Divide, step 2, input x=0,y=0 (64 bytes) 0200", difference);
            Assert.Contains("verdict: kernel 2, CLR threw DivideByZeroException", difference);
            // Step 1 stored 1 / -1 in entry 0; the kernel's 0 / 0 overwrote it with 0, the CLR threw before storing.
            Assert.Contains("CLR only:    Results[00000000] = FFFFFFFFFFFFFFFF", difference);
        }

        [Fact]
        public void Min_value_divided_by_minus_one_is_reported_as_the_clrs_overflow()
        {
            using var harness = new DifferentialHarness(KernelDivisionImage.Value, typeof(UnguardedDivision));
            (string name, byte[] packet) = PacketCorpus.IntegerOperands.Single(input => input.Name == $"x={long.MinValue},y=-1");

            string? difference = harness.Step(nameof(UnguardedDivision.Divide), name, packet);

            Assert.NotNull(difference);
            Assert.Contains("verdict: kernel 2, CLR threw OverflowException", difference);
            // The kernel's signed division wraps: MinValue / -1 == MinValue, stored in entry 0.
            Assert.Contains("kernel only: Results[00000000] = 0000000000000080", difference);
        }

        [Fact]
        public void Counters_accumulate_across_steps_on_both_sides()
        {
            using var harness = new DifferentialHarness(Image.Value, typeof(IntegerEdges));
            var differences = harness.Sequence(nameof(IntegerEdges.Compares), Enumerable.Repeat(("ipv4-udp-64", Packets.Ipv4Udp()), 5));
            Assert.Empty(differences);
            Assert.Equal(5, harness.Steps);
        }
    }
}

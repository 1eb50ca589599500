using System;
using System.Collections.Generic;
using Ebpf.Asm;
using Xunit;

namespace Ebpf.Verifier.Tests.Differential
{
    /// <summary>The assertions the differential tests share: corpus runs and CsCheck runs of one program.</summary>
    internal static class DifferentialAssert
    {
        /// <summary>Runs the whole packet corpus through <paramref name="program"/> as one sequence.</summary>
        public static void AgreeOnCorpus(CollectionImage image, Type programClass, string program) =>
            AgreeOn(image, programClass, program, PacketCorpus.All);

        /// <summary>Runs <paramref name="inputs"/> through <paramref name="program"/> as one sequence; fails with every difference.</summary>
        public static void AgreeOn(CollectionImage image, Type programClass, string program, IEnumerable<(string Name, byte[] Packet)> inputs)
        {
            using var harness = new DifferentialHarness(image, programClass);
            IReadOnlyList<string> differences = harness.Sequence(program, inputs);
            Assert.True(harness.Steps > 0, "no corpus packet was long enough to run");
            Assert.True(
                differences.Count == 0,
                $"{differences.Count} of {harness.Steps} steps differ (kernel refused: {string.Join(", ", harness.Refused)}):\n" + string.Join("\n", differences));
        }

        /// <summary>Runs <paramref name="sequences"/> CsCheck sequences of random and mutated packets, each on a fresh load.</summary>
        public static void AgreeOnRandomPackets(CollectionImage image, Type programClass, string program, int sequences = 6)
        {
            CsCheck.Check.Sample(
                RandomPackets.Sequence,
                packets =>
                {
                    using var harness = new DifferentialHarness(image, programClass);
                    IReadOnlyList<string> differences = harness.Sequence(program, packets);
                    if (differences.Count != 0)
                    {
                        throw new InvalidOperationException(string.Join("\n", differences));
                    }
                },
                iter: sequences,
                threads: 1,
                print: RandomPackets.Print);
        }
    }
}

using System;
using System.IO;
using Ebpf.Loader.Cli;
using Ebpf.Loader.RootArray;
using Xunit;

namespace Ebpf.Verifier.Tests.RootArray
{
    /// <summary>The status table against ecbpf's README (kernel-free), and pin directory names.</summary>
    public sealed class StatusTableTests
    {
        [Fact]
        public void Rows_line_up_exactly_as_in_ecbpf()
        {
            var loaded = new DateTimeOffset(2023, 5, 3, 20, 18, 12, TimeSpan.Zero);
            var status = new RootArrayStatus(
                "eth0",
                true,
                7,
                new SlotStatus(null, 15, "xdp_root", loaded, new VerdictCounters(0, 0, 12, 0, 0, 0)),
                new[]
                {
                    new SlotStatus(0, null, null, null, default),
                    new SlotStatus(1, 16, "xdp_sampler_pro", loaded, new VerdictCounters(0, 0, 310, 0, 0, 0)),
                    new SlotStatus(2, 2257, "xdp_filter_prog", new DateTimeOffset(2023, 9, 29, 23, 2, 7, TimeSpan.Zero), new VerdictCounters(0, 330948, 450, 330790, 0, 0)),
                });
            var output = new StringWriter();

            RootArrayStatusCommand.Write(output, "eth0", status);

            string[] lines = output.ToString().Replace("\r", string.Empty).Split('\n');
            Assert.Equal("Interface eth0 status:", lines[0]);
            Assert.Equal("SLOT | ID    | NAME                     | LOAD TIME                            | XDP_ABORTED      | XDP_DROP         | XDP_PASS         | XDP_TX           | XDP_REDIRECT     | XDP_INVALID_ACTION", lines[1]);
            Assert.Equal("root |    15 | xdp_root                 | Wed, 03 May 2023 20:18:12 +0000      |                0 |                0 |               12 |                0 |                0 |                0", lines[2]);
            Assert.Equal("   0 |     - | -                        | -                                    |                0 |                0 |                0 |                0 |                0 |                0", lines[3]);
            Assert.Equal("   1 |    16 | xdp_sampler_pro          | Wed, 03 May 2023 20:18:12 +0000      |                0 |                0 |              310 |                0 |                0 |                0", lines[4]);
            Assert.Equal("   2 |  2257 | xdp_filter_prog          | Fri, 29 Sep 2023 23:02:07 +0000      |                0 |           330948 |              450 |           330790 |                0 |                0", lines[5]);
            Assert.Equal(string.Empty, lines[6]);
        }

        [Fact]
        public void Watch_rates_are_increases_per_second_and_a_replaced_program_starts_from_zero()
        {
            var time = DateTimeOffset.UnixEpoch;
            RootArrayStatus Reading(ulong rootPass, uint slotProgram, ulong slotDrop) => new RootArrayStatus(
                "eth0",
                true,
                1,
                new SlotStatus(null, 10, "xdp_root", time, new VerdictCounters(0, 0, rootPass, 0, 0, 0)),
                new[] { new SlotStatus(0, slotProgram, "drop", time, new VerdictCounters(0, slotDrop, 0, 0, 0, 0)) });

            RootArrayStatus same = RootArrayStatusWatch.Rates(Reading(100, 20, 50), Reading(300, 20, 90), 2.0);
            RootArrayStatus replaced = RootArrayStatusWatch.Rates(Reading(100, 20, 50), Reading(300, 21, 6), 2.0);
            RootArrayStatus first = RootArrayStatusWatch.Rates(null, Reading(300, 20, 90), 2.0);

            Assert.Equal(100ul, same.Root.Counters.Pass);
            Assert.Equal(20ul, same.Slots[0].Counters.Drop);
            Assert.Equal(3ul, replaced.Slots[0].Counters.Drop);
            Assert.Equal(150ul, first.Root.Counters.Pass);
        }

        [Theory]
        [InlineData("eth0", "eth0")]
        [InlineData("eth0.100", "eth0%2e100")]
        [InlineData("a%2eb", "a%252eb")]
        public void Interface_names_with_dots_get_a_directory_bpffs_accepts(string interfaceName, string directory)
        {
            Assert.Equal(directory, RootArrayPaths.Escape(interfaceName));
            Assert.Equal(interfaceName, RootArrayPaths.Unescape(directory));
            Assert.Equal("/sys/fs/bpf/ebpf-managed/" + directory, RootArrayPaths.For(interfaceName).Directory);
        }

        [Theory]
        [InlineData("")]
        [InlineData("a/b")]
        [InlineData("..")]
        [InlineData("sixteen-chars-xx")]
        [InlineData("a:b")]
        public void Names_that_cannot_be_interfaces_are_refused(string name)
        {
            Assert.Throws<ArgumentException>(() => RootArrayPaths.For(name));
        }

        [Fact]
        public void Slot_epilogue_tail_calls_only_later_slots()
        {
            string epilogue = SlotProgramAssembly.Epilogue(5, 8);

            Assert.Contains("r1 = 5\n", epilogue);
            Assert.Contains("r3 = 6\n", epilogue);
            Assert.Contains("r3 = 7\n", epilogue);
            Assert.DoesNotContain("r3 = 5\n", epilogue);
            Assert.DoesNotContain("r3 = 8\n", epilogue);
            Assert.Throws<ArgumentOutOfRangeException>(() => SlotProgramAssembly.Epilogue(8, 8));
        }
    }
}

using System;
using System.IO;
using System.Linq;
using System.Threading;
using Ebpf.Verifier.Tests.Cli;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.RootArray
{
    /// <summary>
    /// Commands that fight over one interface are serialised by the root array lock: two attaches at once leave one
    /// root array, and <c>slot load</c> racing <c>detach</c> either lands before the detach (and goes with it) or
    /// fails cleanly after it — never a slot program or map pin left behind without a root array.
    /// </summary>
    public sealed class RootArrayRaceTests : KernelTest
    {
        [Fact]
        public void Two_attaches_at_once_leave_exactly_one_root_array()
        {
            using var network = new RootArrayNetwork();
            CliRun[] runs = RunTogether(
                () => network.Cli("attach", network.Name, "--mode", "generic", "--slots", "4"),
                () => network.Cli("attach", network.Name, "--mode", "generic", "--slots", "4"));

            Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.Error));
            Assert.Single(runs, run => run.Output.StartsWith("Root array attached", StringComparison.Ordinal));
            Assert.Single(runs, run => run.Output.StartsWith("Root array already attached", StringComparison.Ordinal));
            Assert.Contains("xdpgeneric", network.LinkShow(), StringComparison.Ordinal);
            Assert.True(network.Status().GetProperty("attached").GetBoolean());
        }

        [Fact]
        public void Slot_load_racing_detach_never_leaves_pins_behind()
        {
            using var network = new RootArrayNetwork();
            for (int round = 0; round < 6; round++)
            {
                Assert.Equal(0, network.Cli("attach", network.Name, "--mode", "generic", "--slots", "4").ExitCode);
                CliRun[] runs = RunTogether(
                    () => network.Cli("slot", "load", network.Name, "1", "Sampler"),
                    () => network.Cli("detach", network.Name));

                CliRun load = runs[0];
                CliRun detach = runs[1];
                Assert.True(detach.ExitCode == 0, detach.Error);
                Assert.True(
                    load.ExitCode == 0 || load.Error.Contains($"Root array not attached to interface {network.Name}", StringComparison.Ordinal),
                    $"round {round}: slot load exited {load.ExitCode}: {load.Error}");
                Assert.False(network.AnyPinsLeft(), $"round {round}: pins left after detach (slot load exit {load.ExitCode})");
                Assert.DoesNotContain("xdp", network.LinkShow().Split('\n')[0], StringComparison.Ordinal);
            }
        }

        /// <summary>Starts every action on its own thread at the same moment and returns their results in order.</summary>
        private static CliRun[] RunTogether(params Func<CliRun>[] actions)
        {
            var results = new CliRun[actions.Length];
            var errors = new Exception?[actions.Length];
            using var start = new Barrier(actions.Length);
            Thread[] threads = actions.Select((action, index) => new Thread(() =>
            {
                start.SignalAndWait();
                try
                {
                    results[index] = action();
                }
                catch (Exception error)
                {
                    errors[index] = error;
                }
            })).ToArray();
            Array.ForEach(threads, thread => thread.Start());
            Array.ForEach(threads, thread => thread.Join());
            Exception? first = errors.FirstOrDefault(error => error is not null);
            return first is null ? results : throw new IOException("a racing command threw", first);
        }
    }
}

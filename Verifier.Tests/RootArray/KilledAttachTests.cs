using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using Ebpf.Loader.Cli;
using Ebpf.Loader.RootArray;
using Ebpf.Verifier.Tests.Cli;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.RootArray
{
    /// <summary>
    /// An attach killed midway leaves no half-attached interface behind for long: the next command under the lock removes
    /// the dead attach's staging directory (and with it the pinned link that kept its program on the interface).
    /// </summary>
    public sealed class KilledAttachTests : KernelTest
    {
        [Fact]
        public void An_attach_killed_after_pinning_its_link_is_cleaned_up_by_the_next_attach()
        {
            using var network = new RootArrayNetwork();
            Assert.Equal(0, network.Cli("attach", network.Name, "--mode", "generic").ExitCode);
            // The state a kill between link.Pin and the rename leaves: the link pinned in a staging directory, XDP attached,
            // and no directory under the interface's name.
            string dead = Path.Combine(RootArrayPaths.Root, RootArrayPaths.StagingPrefix + network.Name + "-deadbeef");
            Directory.Move(network.Paths.Directory, dead);
            Assert.Contains("xdpgeneric", network.LinkShow(), StringComparison.Ordinal);

            CliRun attach = network.Cli("attach", network.Name, "--mode", "generic");

            Assert.True(attach.ExitCode == 0, attach.Error);
            Assert.StartsWith("Root array attached", attach.Output, StringComparison.Ordinal);
            Assert.False(Directory.Exists(dead), "the dead staging directory is still there");
            Assert.Equal(0, network.Cli("detach", network.Name).ExitCode);
            Assert.False(network.AnyPinsLeft());
            Assert.DoesNotContain("xdp", network.LinkShow(), StringComparison.Ordinal);
        }

        [Fact]
        public void Attaches_killed_at_random_moments_never_block_the_next_attach_or_leave_pins()
        {
            using var network = new RootArrayNetwork();
            string loader = typeof(CommandLine).Assembly.Location;
            var random = new Random(20261126);
            for (int round = 0; round < 5; round++)
            {
                var start = new ProcessStartInfo("nsenter") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (string argument in new[] { "--net=/var/run/netns/" + network.Receiver.Name, "dotnet", loader, "attach", network.Name, "--mode", "generic" })
                {
                    start.ArgumentList.Add(argument);
                }

                using (Process process = Process.Start(start)!)
                {
                    Thread.Sleep(random.Next(50, 900));
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit();
                }

                // A link the dead process held only by fd is released by the kernel after the process is gone (delayed
                // fput, then a workqueue): wait for that, unless the process got as far as pinning it.
                DateTime deadline = DateTime.UtcNow.AddSeconds(3);
                while (network.LinkShow().Contains("xdp", StringComparison.Ordinal) && !network.AnyPinsLeft() && DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(20);
                }

                CliRun attach = network.Cli("attach", network.Name, "--mode", "generic");
                Assert.True(attach.ExitCode == 0, $"round {round}: {attach.Error}");
                Assert.Equal(0, network.Cli("detach", network.Name).ExitCode);
                Assert.False(network.AnyPinsLeft(), $"round {round}: pins left");
                Assert.DoesNotContain("xdp", network.LinkShow(), StringComparison.Ordinal);
            }
        }
    }
}

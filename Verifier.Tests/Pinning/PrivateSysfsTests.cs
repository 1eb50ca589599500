using System;
using System.IO;
using Ebpf.Loader.Cli;
using Ebpf.Loader.Pinning;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Pinning
{
    /// <summary>
    /// A command started with <c>ip netns exec</c> sees a private /sys without bpffs: the loader refuses to mount a bpffs
    /// that would vanish with the command (and an attach with it), and says to use nsenter. Entering the namespace
    /// without a private /sys (setns, nsenter --net) is not mistaken for it.
    /// </summary>
    public sealed class PrivateSysfsTests : KernelTest
    {
        [Fact]
        public void Attach_under_ip_netns_exec_refuses_instead_of_pinning_into_a_bpffs_that_dies_with_it()
        {
            using var space = new NetworkNamespace();
            string loader = typeof(CommandLine).Assembly.Location;

            (int code, string output) = space.Run("dotnet", loader, "attach", "lo");

            Assert.Equal(1, code);
            Assert.Contains($"this /sys is private to network namespace '{space.Name}'", output, StringComparison.Ordinal);
            Assert.Contains($"nsenter --net=/var/run/netns/{space.Name}", output, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(BpfFs.DefaultRoot, "ebpf-managed", "lo")), "pins were made for lo");
        }

        [Fact]
        public void A_thread_that_entered_a_named_namespace_keeps_the_machines_sys_and_is_not_flagged()
        {
            using var space = new NetworkNamespace();

            Assert.Null(PrivateSysfs.NamespaceWithPrivateSys());
            using (space.Enter())
            {
                Assert.Null(PrivateSysfs.NamespaceWithPrivateSys());
            }
        }
    }
}

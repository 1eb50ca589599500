using System;
using System.IO;
using System.Linq;
using Ebpf.Loader.Net;
using Ebpf.Loader.RootArray;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Cli
{
    /// <summary><c>demo</c> runs clean twice in a row and leaves nothing behind: no namespaces, no pins, a readable pcap.</summary>
    public sealed class DemoTests : KernelTest
    {
        [Fact]
        public void Demo_runs_clean_twice_in_a_row_and_leaves_nothing_behind()
        {
            KernelRequirement.Require(SystemTool.Run("ip", "-V").ExitCode == 0, "the ip tool (iproute2) is missing");
            string pcap = Path.Combine(Path.GetTempPath(), "demo-test-" + Guid.NewGuid().ToString("N") + ".pcap");
            try
            {
                for (int round = 1; round <= 2; round++)
                {
                    string[] namespacesBefore = Namespaces();
                    CliRun run = CliRun.Of("demo", "-w", pcap);

                    Assert.True(run.ExitCode == 0, $"round {round}: exit {run.ExitCode}\n{run.Error}\n{run.Output}");
                    Assert.Contains("Done: every command succeeded.", run.Output, StringComparison.Ordinal);
                    Assert.Contains("Root array detached from interface emd", run.Output, StringComparison.Ordinal);
                    Assert.Equal(namespacesBefore, Namespaces());
                    Assert.False(
                        Directory.Exists(RootArrayPaths.Root) && Directory.GetDirectories(RootArrayPaths.Root).Any(d => Path.GetFileName(d).Contains("emd", StringComparison.Ordinal)),
                        "a demo interface's pins are left in bpffs");
                    Assert.Contains("ip_drop_count: 10", run.Output, StringComparison.Ordinal);      // the blocked sender's 10 datagrams
                    Assert.Contains("ip_frag_drop_count: 6", run.Output, StringComparison.Ordinal);  // 3 datagrams of 2000 bytes, 2 fragments each
                    Assert.Contains("ptb_sent_count: 3", run.Output, StringComparison.Ordinal);      // one reply per first fragment (limit 10/s)
                    (int code, string packets) = Shell.Run("tcpdump", "-nn", "-r", pcap);
                    Assert.True(code == 0, packets);
                    Assert.Equal(10, packets.Split('\n').Count(line => line.Contains("192.0.2.2.", StringComparison.Ordinal) && line.Contains("> 192.0.2.1.9: UDP", StringComparison.Ordinal)));
                }
            }
            finally
            {
                File.Delete(pcap);
            }
        }

        private static string[] Namespaces() =>
            Directory.Exists("/var/run/netns") ? Directory.GetFiles("/var/run/netns").Where(f => Path.GetFileName(f).StartsWith("ebpf-demo-", StringComparison.Ordinal)).OrderBy(f => f, StringComparer.Ordinal).ToArray() : Array.Empty<string>();
    }
}

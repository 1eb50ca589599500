using System;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using Ebpf.Programs.Filter;
using Ebpf.Verifier.Tests.Cli;
using Ebpf.Verifier.Tests.RootArray;
using Xunit;

namespace Ebpf.Verifier.Tests.Filter
{
    /// <summary>
    /// A <see cref="RootArrayNetwork"/> with the root array attached to the receiver and the filter in slot 0, driven
    /// through the CLI; pings come from the sender (10.231.0.2) with iputils' ping.
    /// </summary>
    internal sealed class FilterNetwork : IDisposable
    {
        /// <summary>The sender's address.</summary>
        public const string SenderAddress = "10.231.0.2";

        /// <summary>Attaches in <paramref name="mode"/> (generic by default: XDP_TX reaches a veth peer that has no XDP
        /// program) and runs <c>slot load NAME 0 Filter</c>.</summary>
        public FilterNetwork(string mode = "generic")
        {
            Network = new RootArrayNetwork();
            try
            {
                Expect(0, "attach", Network.Name, "--mode", mode);
                Expect(0, "slot", "load", Network.Name, "0", nameof(XdpFilter.Filter));
            }
            catch
            {
                Network.Dispose();
                throw;
            }
        }

        /// <summary>The namespaces and veth pair.</summary>
        public RootArrayNetwork Network { get; }

        /// <summary>The receiving interface.</summary>
        public string Name => Network.Name;

        /// <summary>Runs the CLI in the receiver's namespace and checks its exit code.</summary>
        public CliRun Expect(int exitCode, params string[] args)
        {
            CliRun run = Network.Cli(args);
            Assert.True(run.ExitCode == exitCode, $"{string.Join(' ', args)}: exit {run.ExitCode}, expected {exitCode}\n{run.Output}\n{run.Error}");
            return run;
        }

        /// <summary><c>ping</c> from the sender: <paramref name="count"/> echo requests of <paramref name="size"/> bytes,
        /// <paramref name="interval"/> seconds apart, then 1 s for the last reply; returns its output (loss is not an error here).</summary>
        public string Ping(int count, double interval, int size = 56) =>
            Network.Sender.Run("ping", "-n", "-c", count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-i", interval.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
                "-s", size.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-W", "1", RootArrayNetwork.ReceiverAddress).Output;

        /// <summary>How many echo replies a ping output reports.</summary>
        public static int Received(string pingOutput)
        {
            Match summary = Regex.Match(pingOutput, @"(\d+) received");
            Assert.True(summary.Success, "no ping summary in: " + pingOutput);
            return int.Parse(summary.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>The filter's counter <paramref name="name"/> from <c>filter status --json</c>.</summary>
        public long Counter(string name)
        {
            CliRun run = Expect(0, "filter", "status", "--interface", Name, "--json");
            using JsonDocument document = JsonDocument.Parse(run.Output);
            return document.RootElement[0].GetProperty("stats").GetProperty(name).GetInt64();
        }

        /// <summary>Polls counter <paramref name="name"/> until it reaches <paramref name="expected"/> (3 s at most), then once more.</summary>
        public long CounterWhen(string name, long expected)
        {
            DateTime deadline = DateTime.UtcNow.AddSeconds(3);
            while (Counter(name) < expected && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(25);
            }

            Thread.Sleep(100);
            return Counter(name);
        }

        /// <summary>The root array's XDP_TX count in slot 0's row (<c>status --json</c>).</summary>
        public long SlotTx() => Network.Status().GetProperty("slots").EnumerateArray().First().GetProperty("xdp_tx").GetInt64();

        /// <summary>Detaches and removes the namespaces.</summary>
        public void Dispose() => Network.Dispose();
    }
}

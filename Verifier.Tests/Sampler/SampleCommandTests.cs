using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Ebpf.Loader.Maps;
using Ebpf.Loader.RootArray;
using Ebpf.Loader.Sampling;
using Ebpf.Programs.Sampler;
using Ebpf.Verifier.Tests.Cli;
using Ebpf.Verifier.Tests.Infrastructure;
using Ebpf.Verifier.Tests.RootArray;
using Xunit;

namespace Ebpf.Verifier.Tests.Sampler
{
    /// <summary>
    /// <c>sample</c> end to end on a veth pair in private namespaces: the root array attached, the sampler in slot 1,
    /// UDP datagrams with known payloads sent, and <c>tcpdump -r</c> reading them back from the pcap; and its errors.
    /// </summary>
    public sealed class SampleCommandTests : KernelTest
    {
        private const int Port = 4242;

        [Fact]
        public void Sample_writes_the_datagrams_sent_into_a_pcap_tcpdump_reads_and_turns_the_sampler_off()
        {
            KernelRequirement.Require(File.Exists("/usr/bin/tcpdump") || File.Exists("/usr/sbin/tcpdump"), "tcpdump is not installed");
            using var network = new RootArrayNetwork();
            string pcap = TempPcap();
            try
            {
                network.InReceiver(() => XdpRootArray.Attach(network.Name, new RootArrayAttachOptions { Mode = Ebpf.Loader.Links.XdpMode.Generic }));
                network.InReceiver(() => XdpRootArray.LoadSlot(network.Name, 1, PacketSampler.Image, "Sampler"));

                CliRun? run = null;
                var sampling = new Thread(() => run = network.Cli("sample", network.Name, "-w", pcap, "--count", "5", "--duration", "20"));
                sampling.Start();
                Assert.True(WaitForConfig(network, on: true), "the sampler was not turned on");
                network.Sender.Check("bash", "-c", $"for i in 1 2 3 4 5; do printf 'sample-%03d' $i > /dev/udp/{RootArrayNetwork.ReceiverAddress}/{Port}; done");
                Assert.True(sampling.Join(TimeSpan.FromSeconds(30)), "sample did not stop");

                Assert.NotNull(run);
                Assert.True(run.ExitCode == 0, run.Error);
                Assert.StartsWith($"5 packets written to {pcap} (1 in 1, snaplen 256, ", run.Output);
                Assert.EndsWith("count reached); 0 lost (ring full)", run.Output.TrimEnd());
                Assert.Equal(0u, ReadConfig(network).Every);

                string listing = Shell.Check("tcpdump", "-r", pcap, "-nn", "-xx");
                List<(string Line, byte[] Bytes)> packets = ParseHexDump(listing);
                Assert.Equal(5, packets.Count);
                for (int i = 0; i < 5; i++)
                {
                    Assert.Matches($@"IP 10\.231\.0\.2\.\d+ > 10\.231\.0\.1\.{Port}: UDP, length 10$", packets[i].Line);
                    Assert.Equal(52, packets[i].Bytes.Length);
                    Assert.Equal($"sample-{i + 1:000}", Encoding.ASCII.GetString(packets[i].Bytes, 42, 10));
                }
            }
            finally
            {
                File.Delete(pcap);
                File.Delete(SamplingLock.PathFor(network.Name));
            }
        }

        [Fact]
        public void Sample_says_what_is_missing_or_wrong_in_one_line_and_leaves_no_file()
        {
            using var network = new RootArrayNetwork();
            string pcap = TempPcap();
            CliRun noRoot = network.Cli("sample", network.Name, "-w", pcap, "--count", "1");
            Assert.Equal(1, noRoot.ExitCode);
            Assert.Equal($"ebpf-managed: Root array not attached to interface {network.Name}: run 'ebpf-managed attach {network.Name}', then 'ebpf-managed slot load {network.Name} 1 Sampler'", noRoot.Error.TrimEnd());

            network.InReceiver(() => XdpRootArray.Attach(network.Name, new RootArrayAttachOptions { Mode = Ebpf.Loader.Links.XdpMode.Generic }));
            CliRun noSampler = network.Cli("sample", network.Name, "-w", pcap, "--count", "1");
            Assert.Equal($"ebpf-managed: the sampler is not loaded on {network.Name}: run 'ebpf-managed slot load {network.Name} 1 Sampler'", noSampler.Error.TrimEnd());

            network.InReceiver(() => XdpRootArray.LoadSlot(network.Name, 3, PacketSampler.Image, "Sampler"));
            Assert.Equal("ebpf-managed: --every: 0 is out of range (1..4294967295)", network.Cli("sample", network.Name, "-w", pcap, "--every", "0").Error.TrimEnd());
            Assert.Equal("ebpf-managed: --snaplen: 1000 is out of range (14..256)", network.Cli("sample", network.Name, "-w", pcap, "--snaplen", "1000").Error.TrimEnd());
            Assert.Equal("ebpf-managed: --count: 0 is out of range (at least 1)", network.Cli("sample", network.Name, "-w", pcap, "--count", "0").Error.TrimEnd());
            Assert.StartsWith("ebpf-managed: --duration: 'soon' is not a positive duration", network.Cli("sample", network.Name, "-w", pcap, "--duration", "soon").Error);
            Assert.Contains("--every", network.Cli("sample", network.Name, "-w", pcap, "--every", "many").Error);
            CliRun unwritable = network.Cli("sample", network.Name, "-w", "/nonexistent-dir/x.pcap", "--count", "1");
            Assert.Equal(1, unwritable.ExitCode);
            Assert.Equal("ebpf-managed: -w /nonexistent-dir/x.pcap: cannot write: no such directory /nonexistent-dir", unwritable.Error.TrimEnd());
            Assert.Equal("ebpf-managed: -w /tmp: cannot write: /tmp is a directory", network.Cli("sample", network.Name, "-w", "/tmp", "--count", "1").Error.TrimEnd());
            Assert.False(File.Exists(pcap));
            Assert.Equal(0u, ReadConfig(network).Every);

            using (SamplingLock held = Assert.IsType<SamplingLock>(SamplingLock.TryAcquire(network.Name)))
            {
                Assert.Null(SamplingLock.TryAcquire(network.Name));
                Assert.Equal($"ebpf-managed: another 'sample' is running on {network.Name} (lock /run/ebpf-managed/sample-{network.Name}.lock)", network.Cli("sample", network.Name, "-w", pcap).Error.TrimEnd());
            }

            CliRun quiet = network.Cli("sample", network.Name, "-w", pcap, "--duration", "300ms", "--every", "7", "--snaplen", "64");
            Assert.True(quiet.ExitCode == 0, quiet.Error);
            Assert.StartsWith($"0 packets written to {pcap} (1 in 7, snaplen 64, ", quiet.Output);
            Assert.Equal(Convert.FromHexString("d4c3b2a102000400000000000000000040000000" + "01000000"), File.ReadAllBytes(pcap));
            File.Delete(pcap);
            File.Delete(SamplingLock.PathFor(network.Name));
        }

        private static string TempPcap() => Path.Combine(Path.GetTempPath(), $"sampler-{Guid.NewGuid():N}.pcap");

        private static SamplerConfig ReadConfig(RootArrayNetwork network)
        {
            using BpfMap map = BpfMap.OpenPinned(Path.Combine(network.Paths.Directory, "sampler_config"));
            return new ArrayView<SamplerConfig>(map)[0];
        }

        private static bool WaitForConfig(RootArrayNetwork network, bool on)
        {
            DateTime deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline)
            {
                if (File.Exists(Path.Combine(network.Paths.Directory, "sampler_config")) && (ReadConfig(network).Every != 0) == on)
                {
                    return true;
                }

                Thread.Sleep(20);
            }

            return false;
        }

        /// <summary>tcpdump -xx output: each packet's summary line and the bytes of its hex dump.</summary>
        private static List<(string Line, byte[] Bytes)> ParseHexDump(string listing)
        {
            var packets = new List<(string Line, StringBuilder Hex)>();
            foreach (string raw in listing.Split('\n'))
            {
                string line = raw.TrimEnd();
                if (line.StartsWith("\t0x", StringComparison.Ordinal))
                {
                    packets[^1].Hex.Append(string.Concat(line.Substring(line.IndexOf(':') + 1).Where(Uri.IsHexDigit)));
                }
                else if (line.Contains(" IP ", StringComparison.Ordinal))
                {
                    packets.Add((line, new StringBuilder()));
                }
            }

            return packets.Select(p => (p.Line, Convert.FromHexString(p.Hex.ToString()))).ToList();
        }
    }
}

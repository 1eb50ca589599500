using System.Text.Json;
using Ebpf.Verifier.Tests.Cli;
using Ebpf.Verifier.Tests.Infrastructure;
using Ebpf.Verifier.Tests.RootArray;
using Xunit;

namespace Ebpf.Verifier.Tests.Filter
{
    /// <summary>The filter's CLI on a veth pair: ecbpf's status text, config and drop-list round trips, and one-line
    /// errors that leave the kernel state as it was.</summary>
    [Collection(nameof(FilterTestRunTests))]
    public sealed class FilterCliTests : KernelTest
    {
        [Fact]
        public void Status_prints_ecbpfs_blocks_with_configuration_tags_and_counters()
        {
            using var net = new FilterNetwork();
            net.Expect(0, "filter", "config", "--interface", net.Name, "--frags-drop", "--ptb-send", "--ptb-max-pps", "20");
            net.Expect(0, "filter", "drop", "add", "198.51.100.0/24", "--interface", net.Name, "--tag", "bad net");
            net.Expect(0, "filter", "drop", "add", "2001:db8:bad::/48", "--interface", net.Name);
            string text = net.Expect(0, "filter", "status", "--interface", net.Name).Output;

            Assert.StartsWith($"=================== Status for interface '{net.Name}' ===================\nCurrent Configuration:\n\nfrags_drop? true\nptb_send? true\nptb_max_pps: 20\n\nDrop Maps for interface '{net.Name}':\n\nAddress: 198.51.100.0/24\tTag: bad net\tLoad Time: ", text.Replace("\r", string.Empty));
            Assert.Contains("Address: 2001:db8:bad::/48\tTag: no tag\tLoad Time: ", text);
            Assert.Contains($"\n\nStats for interface '{net.Name}':\n\neth_frame_err: 0\nip_header_err: 0\nip6_header_err: 0\nip_drop_count: 0\nip6_drop_count: 0\nip_frag_drop_count: 0\nptb_sent_count: 0\nptb_err_count: 0\nptb_mem_err_count: 0\n", text);

            using JsonDocument json = JsonDocument.Parse(net.Expect(0, "filter", "status", "--interface", net.Name, "--json").Output);
            JsonElement status = json.RootElement[0];
            Assert.Equal(0, status.GetProperty("slot").GetInt32());
            Assert.Equal(20, status.GetProperty("configuration").GetProperty("ptb_max_pps").GetInt32());
            Assert.Equal(2, status.GetProperty("source_drops").GetArrayLength());
            Assert.Equal("bad net", status.GetProperty("source_drops")[0].GetProperty("tag").GetString());
            Assert.Equal(48, status.GetProperty("source_drops")[1].GetProperty("prefix_len").GetInt32());

            string cleared = net.Expect(0, "filter", "clear", "--interface", net.Name).Output;
            Assert.Contains("Clearing IPv4 trie for interface '" + net.Name + "': 1 entry removed.", cleared);
            Assert.Contains("Drop Maps for interface '" + net.Name + "':\n\n\nStats", net.Expect(0, "filter", "status", "--interface", net.Name).Output);
        }

        [Fact]
        public void Config_changes_only_what_is_named()
        {
            using var net = new FilterNetwork();
            net.Expect(0, "filter", "config", "--interface", net.Name, "--frags-drop", "--ptb-max-pps", "7");
            string shown = net.Expect(0, "filter", "config", "--interface", net.Name, "--no-frags-drop").Output;
            Assert.Contains("frags_drop? false\nptb_send? false\nptb_max_pps: 7\n", shown);
        }

        [Fact]
        public void Bad_arguments_fail_in_one_line_and_change_nothing()
        {
            using var net = new FilterNetwork();
            net.Expect(0, "filter", "drop", "add", "198.51.100.0/24", "--interface", net.Name, "--tag", "keep");
            string before = net.Expect(0, "filter", "status", "--interface", net.Name, "--json").Output;

            AssertOneLine(net.Expect(2, "filter", "drop", "add", "10.0.0.1/8", "--interface", net.Name), "CIDR: '10.0.0.1/8' has bits set after the first 8; the network is 10.0.0.0/8");
            AssertOneLine(net.Expect(2, "filter", "drop", "add", "300.1.2.3", "--interface", net.Name), "CIDR: '300.1.2.3' is not an IPv4 or IPv6 prefix");
            AssertOneLine(net.Expect(2, "filter", "drop", "del", "10.0.0.0/33", "--interface", net.Name), "CIDR: '10.0.0.0/33': the prefix length must be 0..32");
            AssertOneLine(net.Expect(2, "filter", "config", "--interface", net.Name, "--ptb-send", "--no-ptb-send"), "--ptb-send and --no-ptb-send contradict each other");
            AssertOneLine(net.Expect(1, "filter", "drop", "add", "192.0.2.0/24", "--interface", "nosuchif0"), "no network interface named 'nosuchif0'");
            AssertOneLine(net.Expect(1, "filter", "drop", "del", "192.0.2.0/24", "--interface", net.Name), $"192.0.2.0/24 is not in the drop list of interface {net.Name}");
            AssertOneLine(net.Expect(2, "filter", "drop", "add", "192.0.2.0/24", "--interface", net.Name, "--tag", new string('x', 33)), "--tag: the tag 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' is 33 UTF-8 bytes; at most 32");
            Assert.Equal(before, net.Expect(0, "filter", "status", "--interface", net.Name, "--json").Output);

            net.Expect(0, "slot", "unload", net.Name, "0");
            AssertOneLine(net.Expect(1, "filter", "status", "--interface", net.Name), $"the filter is not loaded on interface {net.Name}: run 'slot load {net.Name} 0 Filter'");
        }

        [Fact]
        public void Without_a_root_array_the_commands_say_what_to_run()
        {
            using var network = new RootArrayNetwork();
            CliRun run = network.Cli("filter", "clear", "--interface", network.Name);
            Assert.Equal(1, run.ExitCode);
            AssertOneLine(run, $"Root array not attached to interface {network.Name}: run 'attach {network.Name}', then 'slot load {network.Name} 0 Filter'");
        }

        private static void AssertOneLine(CliRun run, string message)
        {
            Assert.Equal(string.Empty, run.Output);
            string line = run.Error.TrimEnd('\n').Split('\n')[0];
            Assert.Contains(message, line);
        }
    }
}

using System;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Ebpf.Verifier.Tests.Cli;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Filter
{
    /// <summary>
    /// The filter end to end on a veth pair between private namespaces: root array attached, the filter in slot 0,
    /// rules and configuration through the CLI, real pings from the other namespace, counters read with
    /// <c>filter status --json</c>.
    /// </summary>
    [Collection(nameof(FilterTestRunTests))]
    public sealed class FilterNetworkTests : KernelTest
    {
        private readonly ITestOutputHelper log;

        /// <summary>Keeps xunit's output for the measured numbers.</summary>
        public FilterNetworkTests(ITestOutputHelper log)
        {
            this.log = log;
        }

        [Fact]
        public void A_listed_sources_pings_are_dropped_and_counted_until_the_rule_goes()
        {
            using var net = new FilterNetwork();
            Assert.Equal(3, FilterNetwork.Received(net.Ping(3, 0.2)));
            net.Expect(0, "filter", "drop", "add", FilterNetwork.SenderAddress + "/32", "--interface", net.Name, "--tag", "e2e sender");
            Assert.Contains("Tag: e2e sender", net.Expect(0, "filter", "status", "--interface", net.Name).Output);

            Assert.Equal(0, FilterNetwork.Received(net.Ping(5, 0.2)));
            Assert.Equal(5, net.CounterWhen("ip_drop_count", 5));

            net.Expect(0, "filter", "drop", "del", FilterNetwork.SenderAddress + "/32", "--interface", net.Name);
            Assert.Equal(3, FilterNetwork.Received(net.Ping(3, 0.2)));
            Assert.Equal(5, net.Counter("ip_drop_count"));
        }

        [Fact]
        public void Big_pings_are_dropped_as_fragments_and_with_ptb_send_the_sender_gets_frag_needed()
        {
            using var net = new FilterNetwork();
            net.Expect(0, "filter", "config", "--interface", net.Name, "--frags-drop", "--no-ptb-send");
            string dropped = net.Ping(3, 0.2, size: 2000);
            Assert.Equal(0, FilterNetwork.Received(dropped));
            Assert.DoesNotContain("Frag needed", dropped, StringComparison.Ordinal);
            Assert.Equal(6, net.CounterWhen("ip_frag_drop_count", 6)); // 2000 + 8 bytes of ICMP: two fragments each
            Assert.Equal(3, FilterNetwork.Received(net.Ping(3, 0.2)));  // small pings still pass

            net.Expect(0, "filter", "config", "--interface", net.Name, "--ptb-send", "--ptb-max-pps", "100");
            string answered = net.Ping(3, 0.2, size: 2000);
            log.WriteLine(answered);
            Assert.Equal(3, Regex.Matches(answered, @"From 10\.231\.0\.1 icmp_seq=\d+ Frag needed and DF set \(mtu = 1500\)").Count);
            Assert.Equal(3, net.CounterWhen("ptb_sent_count", 3));
            Assert.Equal(3, net.SlotTx());
        }

        [Fact]
        public void In_native_mode_frag_needed_reaches_a_peer_that_runs_xdp_too()
        {
            using var net = new FilterNetwork("native");
            string peer = net.Network.PeerName;
            using (net.Network.Sender.Enter())
            {
                // A veth frame sent with native XDP_TX arrives only where the peer has an XDP program: give it a root array.
                CliRun attached = CliRun.Of("attach", peer, "--mode", "native");
                Assert.True(attached.ExitCode == 0, attached.Error);
            }

            try
            {
                Assert.Contains("xdp ", net.Network.LinkShow());
                net.Expect(0, "filter", "config", "--interface", net.Name, "--frags-drop", "--ptb-send", "--ptb-max-pps", "100");
                string answered = net.Ping(3, 0.2, size: 2000);
                Assert.Equal(3, Regex.Matches(answered, @"Frag needed and DF set \(mtu = 1500\)").Count);
                Assert.Equal(3, net.CounterWhen("ptb_sent_count", 3));
            }
            finally
            {
                using (net.Network.Sender.Enter())
                {
                    CliRun.Of("detach", peer);
                }
            }
        }

        [Fact]
        public void Frag_needed_replies_stay_within_ptb_max_pps()
        {
            using var net = new FilterNetwork();
            const int limit = 5;
            net.Expect(0, "filter", "config", "--interface", net.Name, "--frags-drop", "--ptb-send", "--ptb-max-pps", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var clock = Stopwatch.StartNew();
            string output = net.Ping(150, 0.02, size: 2000); // 50 first fragments a second for 3 s
            double seconds = clock.Elapsed.TotalSeconds;
            int printed = Regex.Matches(output, "Frag needed").Count;
            long sent = net.CounterWhen("ptb_sent_count", printed);
            long refused = net.Counter("ptb_err_count");
            log.WriteLine(output);
            log.WriteLine($"{sent} replies in {seconds:0.00} s ({sent / seconds:0.0}/s) with ptb_max_pps {limit}; {refused} refused; ping printed {printed}");

            Assert.Equal(150, sent + refused);                         // every first fragment was either answered or refused
            Assert.Equal(sent, printed);                                // ping printed every reply
            Assert.InRange(sent, limit * 3, limit * ((int)Math.Ceiling(seconds) + 1)); // ≤ limit in each second touched
        }
    }
}

using System;
using System.Threading;
using Ebpf.Dsl;
using Ebpf.Programs.Filter;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Filter
{
    /// <summary>
    /// The filter in the kernel (BPF_PROG_TEST_RUN) and on the CLR, step by step through <see cref="FilterBench"/>
    /// (which fails on any difference in verdict, output bytes or maps), with the expected verdicts and counters.
    /// </summary>
    [Collection(nameof(FilterTestRunTests))]
    public sealed class FilterTestRunTests : KernelTest
    {
        private const string Host = "192.0.2.1";

        [Fact]
        public void Listed_sources_are_dropped_and_counted_others_pass()
        {
            using var bench = new FilterBench();
            bench.Drop("198.51.100.0/24");
            bench.Drop("2001:db8:bad::/48");
            Assert.Equal(XdpAction.Drop, bench.Run("listed v4", FilterPackets.Ipv4("198.51.100.7", Host)));
            Assert.Equal(XdpAction.Pass, bench.Run("unlisted v4", FilterPackets.Ipv4("198.51.101.7", Host)));
            Assert.Equal(XdpAction.Drop, bench.Run("listed v6", FilterPackets.Ipv6("2001:db8:bad:1::9", "2001:db8::1")));
            Assert.Equal(XdpAction.Pass, bench.Run("unlisted v6", FilterPackets.Ipv6("2001:db8:bae::9", "2001:db8::1")));
            FilterStats stats = bench.Stats();
            Assert.Equal(1UL, stats.IpDropCount);
            Assert.Equal(1UL, stats.Ip6DropCount);
        }

        [Fact]
        public void Options_and_the_evil_bit_are_dropped_as_header_errors()
        {
            using var bench = new FilterBench();
            Assert.Equal(XdpAction.Drop, bench.Run("options", FilterPackets.Ipv4("203.0.113.5", Host, ihl: 6)));
            Assert.Equal(XdpAction.Drop, bench.Run("evil bit", FilterPackets.Ipv4("203.0.113.5", Host, flagsAndOffset: FilterPackets.EvilBit)));
            Assert.Equal(XdpAction.Pass, bench.Run("don't fragment", FilterPackets.Ipv4("203.0.113.5", Host, flagsAndOffset: FilterPackets.DontFragment)));
            Assert.Equal(2UL, bench.Stats().IpHeaderErr);
        }

        [Fact]
        public void Truncated_headers_and_lengths_beyond_the_frame_abort()
        {
            using var bench = new FilterBench();
            Assert.Equal(XdpAction.Aborted, bench.Run("cut IPv4 header", FilterPackets.Ipv4("203.0.113.5", Host)[..30]));
            Assert.Equal(XdpAction.Aborted, bench.Run("cut IPv6 header", FilterPackets.Ipv6("2001:db8::5", "2001:db8::1")[..40]));
            Assert.Equal(XdpAction.Aborted, bench.Run("IPv4 length beyond frame", FilterPackets.Ipv4("203.0.113.5", Host, payload: 32, totalLength: 53)));
            Assert.Equal(XdpAction.Aborted, bench.Run("IPv6 length beyond frame", FilterPackets.Ipv6("2001:db8::5", "2001:db8::1", payload: 16, payloadLength: 17)));
            Assert.Equal(XdpAction.Pass, bench.Run("ARP", new byte[] { 2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2, 0x08, 0x06, 0, 1 }));
            FilterStats stats = bench.Stats();
            Assert.Equal(2UL, stats.EthFrameErr);
            Assert.Equal(1UL, stats.IpHeaderErr);
            Assert.Equal(1UL, stats.Ip6HeaderErr);
        }

        [Fact]
        public void Fragments_pass_until_frags_drop_then_are_dropped_and_counted()
        {
            using var bench = new FilterBench();
            byte[] middle = FilterPackets.Ipv4("203.0.113.5", Host, payload: 64, flagsAndOffset: FilterPackets.MoreFragments | 185);
            byte[] last = FilterPackets.Ipv4("203.0.113.5", Host, payload: 20, flagsAndOffset: 370);
            byte[] first = FilterPackets.Ipv4("203.0.113.5", Host, payload: 64, flagsAndOffset: FilterPackets.MoreFragments);
            Assert.Equal(XdpAction.Pass, bench.Run("middle, frags_drop off", middle));
            bench.Configure(fragsDrop: true, ptbSend: false, ptbMaxPps: 10);
            Assert.Equal(XdpAction.Drop, bench.Run("middle", middle));
            Assert.Equal(XdpAction.Drop, bench.Run("last", last));
            Assert.Equal(XdpAction.Drop, bench.Run("first, ptb_send off", first));
            bench.Configure(fragsDrop: true, ptbSend: true, ptbMaxPps: 10);
            Assert.Equal(XdpAction.Drop, bench.Run("first with a 60-byte payload", FilterPackets.Ipv4("203.0.113.5", Host, payload: 60, flagsAndOffset: FilterPackets.MoreFragments)));
            FilterStats stats = bench.Stats();
            Assert.Equal(4UL, stats.IpFragDropCount);
            Assert.Equal(1UL, stats.IpHeaderErr);
            Assert.Equal(0UL, stats.PtbSentCount);
        }

        [Theory]
        [InlineData(8)]
        [InlineData(64)]
        [InlineData(1480)]
        public void A_first_fragment_becomes_a_fragmentation_needed_reply_byte_for_byte(int payload)
        {
            using var bench = new FilterBench();
            bench.Configure(fragsDrop: true, ptbSend: true, ptbMaxPps: 100);
            byte[] first = FilterPackets.Ipv4("203.0.113.5", Host, payload: payload, flagsAndOffset: FilterPackets.MoreFragments);
            Assert.Equal(XdpAction.Tx, bench.Run("first fragment", first));
            byte[] expected = FilterPackets.FragmentationNeeded(first);
            Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(bench.LastPacket));
            Assert.Equal(0, FilterPackets.InternetChecksum(bench.LastPacket.AsSpan(14, 20)));
            Assert.Equal(0, FilterPackets.InternetChecksum(bench.LastPacket.AsSpan(34, 36)));
            Assert.Equal(20 + payload, bench.LastPacket[40] << 8 | bench.LastPacket[41]);
            FilterStats stats = bench.Stats();
            Assert.Equal(1UL, stats.PtbSentCount);
            Assert.Equal(1UL, stats.IpFragDropCount);
        }

        [Fact]
        public void Replies_stop_at_ptb_max_pps_within_a_second()
        {
            using var bench = new FilterBench();
            const uint limit = 5;
            bench.Configure(fragsDrop: true, ptbSend: true, ptbMaxPps: limit);
            byte[] first = FilterPackets.Ipv4("203.0.113.5", Host, payload: 64, flagsAndOffset: FilterPackets.MoreFragments);
            WaitForTheStartOfASecond();
            int sent = 0;
            for (int i = 0; i < 20; i++)
            {
                sent += bench.Run($"first fragment {i}", first) == XdpAction.Tx ? 1 : 0;
            }

            FilterStats stats = bench.Stats();
            Assert.Equal((int)limit, sent);
            Assert.Equal(limit, stats.PtbSentCount);
            Assert.Equal(20 - limit, stats.PtbErrCount);
            Assert.Equal(20UL, stats.IpFragDropCount);
        }

        // The kernel's ktime and the CLR's Stopwatch are both CLOCK_MONOTONIC: start right after a second begins so
        // that 20 steps on both sides fall in one second of both clocks.
        private static void WaitForTheStartOfASecond()
        {
            ulong intoTheSecond = FilterBench.MonotonicNanoseconds() % 1_000_000_000UL;
            Thread.Sleep(TimeSpan.FromMilliseconds(1000 - (double)intoTheSecond / 1_000_000 + 5));
        }
    }
}

using System;
using System.Net;
using Ebpf.Loader.Filter;
using Ebpf.Programs.Filter;
using Xunit;

namespace Ebpf.Verifier.Tests.Filter
{
    /// <summary>CIDR parsing and drop-list tag encoding (no kernel needed).</summary>
    public sealed class IpPrefixTests
    {
        [Theory]
        [InlineData("198.51.100.0/24", "198.51.100.0", 24)]
        [InlineData("198.51.100.7", "198.51.100.7", 32)]
        [InlineData("0.0.0.0/0", "0.0.0.0", 0)]
        [InlineData("2001:db8:bad::/48", "2001:db8:bad::", 48)]
        [InlineData("2001:db8::1", "2001:db8::1", 128)]
        public void Prefixes_and_bare_addresses_parse(string text, string address, int length)
        {
            IpPrefix prefix = IpPrefix.Parse(text);
            Assert.Equal(IPAddress.Parse(address), prefix.Address);
            Assert.Equal(length, prefix.Length);
            Assert.Equal($"{address}/{length}", prefix.ToString());
        }

        [Theory]
        [InlineData("10.0.0.1/8", "has bits set after the first 8; the network is 10.0.0.0/8")]
        [InlineData("10.0.0.0/33", "the prefix length must be 0..32")]
        [InlineData("2001:db8::/129", "the prefix length must be 0..128")]
        [InlineData("10.0.0.0/-1", "the prefix length must be 0..32")]
        [InlineData("10.0.0.0/ 8", "the prefix length must be 0..32")]
        [InlineData("300.1.2.3", "is not an IPv4 or IPv6 prefix")]
        [InlineData("10.1", "is not an IPv4 or IPv6 prefix")]
        [InlineData("fe80::1%eth0", "is not an IPv4 or IPv6 prefix")]
        [InlineData("", "is not an IPv4 or IPv6 prefix")]
        [InlineData("eth0", "is not an IPv4 or IPv6 prefix")]
        public void Bad_prefixes_say_why(string text, string message)
        {
            FormatException error = Assert.Throws<FormatException>(() => IpPrefix.Parse(text));
            Assert.Contains(message, error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error.Message);
        }

        [Fact]
        public void Contains_matches_the_prefix_bits_only()
        {
            IpPrefix prefix = IpPrefix.Parse("198.51.100.0/23");
            Assert.True(prefix.Contains(IPAddress.Parse("198.51.101.255")));
            Assert.False(prefix.Contains(IPAddress.Parse("198.51.102.0")));
            Assert.False(prefix.Contains(IPAddress.Parse("::ffff:198.51.100.1")));
        }

        [Fact]
        public void Tags_fill_the_entry_as_utf8_and_refuse_what_does_not_fit()
        {
            FilterDropEntry entry = FilterMaps.Encode("ab", DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
            Assert.Equal(0x6261UL, entry.Tag0);
            Assert.Equal(0UL, entry.Tag3);
            Assert.Equal(1_700_000_000UL, entry.LoadTime);
            FilterMaps.Encode(new string('é', 16), DateTimeOffset.UnixEpoch); // 32 bytes: fits
            Assert.Throws<ArgumentException>(() => FilterMaps.Encode(new string('é', 16) + "x", DateTimeOffset.UnixEpoch));
            Assert.Throws<ArgumentException>(() => FilterMaps.Encode("a\0b", DateTimeOffset.UnixEpoch));
        }
    }
}

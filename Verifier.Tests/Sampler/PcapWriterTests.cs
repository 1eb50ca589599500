using System;
using System.IO;
using Ebpf.Loader.Sampling;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Sampler
{
    /// <summary>
    /// <see cref="PcapWriter"/>: the exact bytes of the global and record headers, and <c>tcpdump -r</c> reading the
    /// files back (times, lengths, truncation, payload bytes) in both timestamp precisions.
    /// </summary>
    public sealed class PcapWriterTests
    {
        // 2026-11-26 09:30:00.123456789 UTC
        private const long SampleTimeNs = 1_795_685_400_123_456_789L;

        [Fact]
        public void The_global_header_is_magic_version_2_4_zone_sigfigs_snaplen_and_ethernet()
        {
            var output = new MemoryStream();
            using (new PcapWriter(output, 200, PcapTimestampPrecision.Microseconds, leaveOpen: true))
            {
            }

            Assert.Equal(
                Convert.FromHexString("d4c3b2a1" + "0200" + "0400" + "00000000" + "00000000" + "c8000000" + "01000000"),
                output.ToArray());
        }

        [Fact]
        public void A_record_header_is_seconds_fraction_captured_and_original_length()
        {
            var micro = new MemoryStream();
            var nano = new MemoryStream();
            byte[] bytes = { 1, 2, 3, 4, 5 };
            using (var writer = new PcapWriter(micro, 64, PcapTimestampPrecision.Microseconds, leaveOpen: true))
            {
                writer.Write(SampleTimeNs, bytes, 1500);
            }

            using (var writer = new PcapWriter(nano, 64, PcapTimestampPrecision.Nanoseconds, leaveOpen: true))
            {
                writer.Write(SampleTimeNs, bytes, 1500);
            }

            // 1795685400 = 0x6b07fc18; 123456 µs = 0x0001e240; 123456789 ns = 0x075bcd15; 5; 1500 = 0x5dc
            Assert.Equal(Convert.FromHexString("18fc076b" + "40e20100" + "05000000" + "dc050000" + "0102030405"), micro.ToArray().AsSpan(PcapWriter.GlobalHeaderSize).ToArray());
            Assert.Equal(Convert.FromHexString("18fc076b" + "15cd5b07" + "05000000" + "dc050000" + "0102030405"), nano.ToArray().AsSpan(PcapWriter.GlobalHeaderSize).ToArray());
            Assert.Equal(Convert.FromHexString("4d3cb2a1"), nano.ToArray().AsSpan(0, 4).ToArray());
        }

        [Fact]
        public void Captured_bytes_beyond_the_snap_length_or_original_length_are_refused()
        {
            using var writer = new PcapWriter(new MemoryStream(), 16);
            Assert.Throws<ArgumentException>(() => writer.Write(0, new byte[17], 17));
            Assert.Throws<ArgumentOutOfRangeException>(() => writer.Write(0, new byte[10], 9));
            Assert.Equal(0, writer.Records);
        }

        [Theory]
        [InlineData(PcapTimestampPrecision.Microseconds, "09:30:00.123456")]
        [InlineData(PcapTimestampPrecision.Nanoseconds, "09:30:00.123456789")]
        public void Tcpdump_reads_the_packets_times_lengths_and_bytes(PcapTimestampPrecision precision, string time)
        {
            KernelRequirement.Require(File.Exists("/usr/bin/tcpdump") || File.Exists("/usr/sbin/tcpdump"), "tcpdump is not installed");
            string path = Path.Combine(Path.GetTempPath(), $"sampler-{Guid.NewGuid():N}.pcap");
            try
            {
                byte[] whole = Packets.Ipv4Udp(80);
                whole[37] = 9; // destination port 9 (discard), so tcpdump prints a plain UDP line
                for (int i = 42; i < whole.Length; i++)
                {
                    whole[i] = (byte)(0xa0 + i);
                }

                using (var writer = new PcapWriter(File.Create(path), 96, precision))
                {
                    writer.Write(SampleTimeNs, whole, whole.Length);
                    writer.Write(SampleTimeNs + 1_000_000_000L, whole.AsSpan(0, 64), 300);
                }

                string[] arguments = precision == PcapTimestampPrecision.Nanoseconds
                    ? new[] { "-r", path, "-nn", "-tttt", "--nano", "-xx" }
                    : new[] { "-r", path, "-nn", "-tttt", "-xx" };
                string listing = Shell.Check("env", Prepend("TZ=UTC", Prepend("tcpdump", arguments)));

                Assert.Contains($"2026-11-26 {time} IP 10.0.0.1.12345 > 10.0.0.2.9: UDP, length 38", listing);
                Assert.Contains("2026-11-26 09:30:01.123456", listing);
                Assert.Equal(2, Count(listing, "IP 10.0.0.1.12345 > 10.0.0.2.9"));
                Assert.Contains(HexDumpLine(whole, 0), listing);
                Assert.Contains(HexDumpLine(whole, 64), listing); // the whole first packet is there, bytes 64..79 too
                Assert.Equal(1, Count(listing, "0x0040:")); // the second one stops at the 64-byte snap length
            }
            finally
            {
                File.Delete(path);
            }
        }

        private static string[] Prepend(string first, string[] rest)
        {
            var all = new string[rest.Length + 1];
            all[0] = first;
            rest.CopyTo(all, 1);
            return all;
        }

        /// <summary>tcpdump's -xx line for 16 bytes at <paramref name="offset"/>: "0x0000:  aabb ccdd …".</summary>
        private static string HexDumpLine(byte[] bytes, int offset)
        {
            var line = new System.Text.StringBuilder($"0x{offset:x4}:  ");
            for (int i = 0; i < 16; i += 2)
            {
                line.Append(Convert.ToHexString(bytes, offset + i, 2).ToLowerInvariant());
                if (i < 14)
                {
                    line.Append(' ');
                }
            }

            return line.ToString();
        }

        private static int Count(string text, string part)
        {
            int count = 0;
            for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }
    }
}

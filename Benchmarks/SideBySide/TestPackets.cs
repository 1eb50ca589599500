using System.Net;

namespace Ebpf.Benchmarks.SideBySide
{
    /// <summary>The frames the pairs are test-run on: 64-byte Ethernet/IPv4/UDP and 78-byte Ethernet/IPv6/UDP.</summary>
    internal static class TestPackets
    {
        /// <summary>The IPv4 source of <see cref="Ipv4Udp()"/>, listed in no drop list.</summary>
        public static IPAddress Ipv4Source { get; } = IPAddress.Parse("10.0.0.1");

        /// <summary>The IPv6 source of <see cref="Ipv6Udp"/>, listed in no drop list.</summary>
        public static IPAddress Ipv6Source { get; } = IPAddress.Parse("2001:db8::1");

        /// <summary>
        /// A 64-byte IPv4/UDP frame (10.0.0.1:1234 → 10.0.0.2:53). XDP test runs need at least 14 bytes and
        /// cgroup_skb test runs 34 (an IPv4 header) on kernel 6.18, so one frame serves both program types.
        /// </summary>
        public static byte[] Ipv4Udp() => Ipv4Udp(Ipv4Source);

        /// <summary>The 64-byte IPv4/UDP frame of <see cref="Ipv4Udp()"/> from <paramref name="source"/>.</summary>
        public static byte[] Ipv4Udp(IPAddress source)
        {
            var frame = new byte[64];
            byte[] header =
            {
                0x02, 0x00, 0x00, 0x00, 0x00, 0x02, // destination MAC
                0x02, 0x00, 0x00, 0x00, 0x00, 0x01, // source MAC
                0x08, 0x00,                         // EtherType IPv4
                0x45, 0x00, 0x00, 0x32,             // version 4, IHL 5, total length 50
                0x00, 0x01, 0x00, 0x00,             // id, flags, fragment offset
                0x40, 0x11, 0x00, 0x00,             // TTL 64, UDP, checksum (not checked)
                0, 0, 0, 0,                         // source address (below)
                10, 0, 0, 2,                        // destination address
                0x04, 0xd2, 0x00, 0x35,             // ports 1234 → 53
                0x00, 0x1e, 0x00, 0x00,             // UDP length 30, checksum none
            };
            header.CopyTo(frame, 0);
            source.GetAddressBytes().CopyTo(frame, 26);
            return frame;
        }

        /// <summary>A 78-byte IPv6/UDP frame (2001:db8::1:1234 → 2001:db8::2:53, 16 payload bytes).</summary>
        public static byte[] Ipv6Udp()
        {
            var frame = new byte[78];
            byte[] header =
            {
                0x02, 0x00, 0x00, 0x00, 0x00, 0x02, // destination MAC
                0x02, 0x00, 0x00, 0x00, 0x00, 0x01, // source MAC
                0x86, 0xdd,                         // EtherType IPv6
                0x60, 0x00, 0x00, 0x00,             // version 6, traffic class, flow label
                0x00, 0x18, 0x11, 0x40,             // payload length 24, next header UDP, hop limit 64
            };
            header.CopyTo(frame, 0);
            Ipv6Source.GetAddressBytes().CopyTo(frame, 22);
            IPAddress.Parse("2001:db8::2").GetAddressBytes().CopyTo(frame, 38);
            byte[] udp = { 0x04, 0xd2, 0x00, 0x35, 0x00, 0x18, 0x00, 0x00 }; // ports 1234 → 53, UDP length 24
            udp.CopyTo(frame, 54);
            return frame;
        }
    }
}

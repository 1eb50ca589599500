namespace Ebpf.Benchmarks.SideBySide
{
    /// <summary>The input every test run gets: one Ethernet + IPv4 + UDP frame.</summary>
    internal static class TestPackets
    {
        /// <summary>
        /// A 64-byte IPv4/UDP frame (10.0.0.1:1234 → 10.0.0.2:53). XDP test runs need at least 14 bytes and
        /// cgroup_skb test runs 34 (an IPv4 header) on kernel 6.18, so one frame serves both program types.
        /// </summary>
        public static byte[] Ipv4Udp()
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
                10, 0, 0, 1,                        // source address
                10, 0, 0, 2,                        // destination address
                0x04, 0xd2, 0x00, 0x35,             // ports 1234 → 53
                0x00, 0x1e, 0x00, 0x00,             // UDP length 30, checksum none
            };
            header.CopyTo(frame, 0);
            return frame;
        }
    }
}

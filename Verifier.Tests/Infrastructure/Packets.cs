using System;

namespace Ebpf.Verifier.Tests.Infrastructure
{
    /// <summary>Test packets.</summary>
    public static class Packets
    {
        /// <summary>
        /// An Ethernet + IPv4 + UDP frame of <paramref name="length"/> bytes (at least 42), with a valid IPv4 header
        /// (cgroup_skb test runs need the network header).
        /// </summary>
        public static byte[] Ipv4Udp(int length = 64)
        {
            if (length < 42)
            {
                throw new ArgumentOutOfRangeException(nameof(length), length, "an Ethernet/IPv4/UDP frame has 42 bytes of headers");
            }

            var frame = new byte[length];
            byte[] destination = { 0x02, 0, 0, 0, 0, 0x02 };
            byte[] source = { 0x02, 0, 0, 0, 0, 0x01 };
            destination.CopyTo(frame, 0);
            source.CopyTo(frame, 6);
            frame[12] = 0x08; // EtherType IPv4
            frame[13] = 0x00;
            int ipLength = length - 14;
            frame[14] = 0x45; // version 4, IHL 5
            frame[16] = (byte)(ipLength >> 8);
            frame[17] = (byte)ipLength;
            frame[22] = 64; // TTL
            frame[23] = 17; // UDP
            new byte[] { 10, 0, 0, 1 }.CopyTo(frame, 26);
            new byte[] { 10, 0, 0, 2 }.CopyTo(frame, 30);
            ushort checksum = Checksum(frame.AsSpan(14, 20));
            frame[24] = (byte)(checksum >> 8);
            frame[25] = (byte)checksum;
            int udpLength = ipLength - 20;
            frame[34] = 0x30; // source port 12345
            frame[35] = 0x39;
            frame[36] = 0x00; // destination port 53
            frame[37] = 0x35;
            frame[38] = (byte)(udpLength >> 8);
            frame[39] = (byte)udpLength;
            return frame;
        }

        private static ushort Checksum(ReadOnlySpan<byte> header)
        {
            uint sum = 0;
            for (int i = 0; i < header.Length; i += 2)
            {
                sum += (uint)(header[i] << 8 | header[i + 1]);
            }

            while (sum > 0xffff)
            {
                sum = (sum & 0xffff) + (sum >> 16);
            }

            return (ushort)~sum;
        }
    }
}

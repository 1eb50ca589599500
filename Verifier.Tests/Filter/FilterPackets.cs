using System;
using System.Buffers.Binary;
using System.Net;

namespace Ebpf.Verifier.Tests.Filter
{
    /// <summary>Frames for the filter tests, and the "fragmentation needed" reply the filter must make, built here
    /// independently of the program (RFC 791, 792, 1191).</summary>
    public static class FilterPackets
    {
        /// <summary>The frames' destination MAC (the filtering host).</summary>
        public static readonly byte[] HostMac = { 0x02, 0, 0, 0, 0, 0x01 };

        /// <summary>The frames' source MAC (the sender).</summary>
        public static readonly byte[] SenderMac = { 0x02, 0, 0, 0, 0, 0x02 };

        /// <summary>IP "more fragments".</summary>
        public const ushort MoreFragments = 0x2000;

        /// <summary>IP "don't fragment".</summary>
        public const ushort DontFragment = 0x4000;

        /// <summary>The reserved ("evil") bit.</summary>
        public const ushort EvilBit = 0x8000;

        /// <summary>
        /// Ethernet + IPv4 (UDP) from <paramref name="source"/> to <paramref name="destination"/> with
        /// <paramref name="payload"/> bytes after the IP header (and options when <paramref name="ihl"/> &gt; 5),
        /// the given flags/fragment offset word, and a valid header checksum.
        /// </summary>
        public static byte[] Ipv4(string source, string destination, int payload = 32, ushort flagsAndOffset = 0, int ihl = 5, int? totalLength = null)
        {
            int headerLength = ihl * 4;
            var frame = new byte[14 + headerLength + payload];
            HostMac.CopyTo(frame, 0);
            SenderMac.CopyTo(frame, 6);
            frame[12] = 0x08;
            frame[14] = (byte)(0x40 | ihl);
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(16), (ushort)(totalLength ?? headerLength + payload));
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(18), 0x1234);
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(20), flagsAndOffset);
            frame[22] = 64;
            frame[23] = 17;
            IPAddress.Parse(source).GetAddressBytes().CopyTo(frame, 26);
            IPAddress.Parse(destination).GetAddressBytes().CopyTo(frame, 30);
            for (int i = 14 + headerLength; i < frame.Length; i++)
            {
                frame[i] = (byte)(i * 7);
            }

            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(24), InternetChecksum(frame.AsSpan(14, headerLength)));
            return frame;
        }

        /// <summary>Ethernet + IPv6 (UDP) from <paramref name="source"/> with <paramref name="payload"/> bytes.</summary>
        public static byte[] Ipv6(string source, string destination, int payload = 16, int? payloadLength = null)
        {
            var frame = new byte[14 + 40 + payload];
            HostMac.CopyTo(frame, 0);
            SenderMac.CopyTo(frame, 6);
            frame[12] = 0x86;
            frame[13] = 0xdd;
            frame[14] = 0x60;
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(18), (ushort)(payloadLength ?? payload));
            frame[20] = 17;
            frame[21] = 64;
            IPAddress.Parse(source).GetAddressBytes().CopyTo(frame, 22);
            IPAddress.Parse(destination).GetAddressBytes().CopyTo(frame, 38);
            return frame;
        }

        /// <summary>
        /// The reply to first fragment <paramref name="fragment"/>: MACs and addresses swapped, IPv4 TTL 64, ICMP type 3
        /// code 4 with the fragment's IP total length as the next-hop MTU, quoting its IP header and 8 payload bytes.
        /// </summary>
        public static byte[] FragmentationNeeded(byte[] fragment)
        {
            var reply = new byte[70];
            fragment.AsSpan(6, 6).CopyTo(reply);
            fragment.AsSpan(0, 6).CopyTo(reply.AsSpan(6));
            reply[12] = 0x08;
            reply[14] = 0x45;
            BinaryPrimitives.WriteUInt16BigEndian(reply.AsSpan(16), 56);
            reply[22] = 64;
            reply[23] = 1;
            fragment.AsSpan(30, 4).CopyTo(reply.AsSpan(26));
            fragment.AsSpan(26, 4).CopyTo(reply.AsSpan(30));
            BinaryPrimitives.WriteUInt16BigEndian(reply.AsSpan(24), InternetChecksum(reply.AsSpan(14, 20)));
            reply[34] = 3;
            reply[35] = 4;
            reply[40] = fragment[16]; // next-hop MTU = the fragment's total length
            reply[41] = fragment[17];
            fragment.AsSpan(14, 28).CopyTo(reply.AsSpan(42));
            BinaryPrimitives.WriteUInt16BigEndian(reply.AsSpan(36), InternetChecksum(reply.AsSpan(34, 36)));
            return reply;
        }

        /// <summary>The RFC 1071 checksum of <paramref name="bytes"/> (even length), as a big-endian value.</summary>
        public static ushort InternetChecksum(ReadOnlySpan<byte> bytes)
        {
            uint sum = 0;
            for (int i = 0; i + 1 < bytes.Length; i += 2)
            {
                sum += BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(i));
            }

            while (sum > 0xffff)
            {
                sum = (sum & 0xffff) + (sum >> 16);
            }

            return (ushort)~sum;
        }
    }
}

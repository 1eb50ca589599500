using System;
using System.Collections.Generic;
using Ebpf.Verifier.Tests.Infrastructure;

namespace Ebpf.Verifier.Tests.RootArray
{
    /// <summary>
    /// Frames that exercise every decision of the root program: runts, truncated and malformed IPv4/IPv6 headers, IPv4
    /// options past the frame, every IHL, ARP, VLAN-tagged, TCP/UDP/ICMP/ICMPv6, other IP protocols and IPv6 extension
    /// headers, at every length around the header boundaries, plus seeded random mutations of the header bytes.
    /// </summary>
    public static class RootFrameCorpus
    {
        /// <summary>Every frame with a name that says what it is.</summary>
        public static IEnumerable<(string Name, byte[] Frame)> All()
        {
            byte[] udp = Packets.Ipv4Udp();
            for (int length = 0; length <= 14; length++)
            {
                yield return ($"runt-{length}", udp.AsSpan(0, length).ToArray());
            }

            for (int length = 15; length <= 42; length++)
            {
                yield return ($"ipv4-truncated-{length}", udp.AsSpan(0, length).ToArray());
            }

            for (int ihl = 0; ihl <= 15; ihl++)
            {
                foreach (int length in new[] { 34, 38, 42, 64, 74 })
                {
                    byte[] frame = Packets.Ipv4Udp(100).AsSpan(0, length).ToArray();
                    frame[14] = (byte)(0x40 | ihl);
                    yield return ($"ipv4-ihl-{ihl}-len-{length}", frame);
                }
            }

            for (int version = 0; version <= 15; version++)
            {
                byte[] frame = Packets.Ipv4Udp();
                frame[14] = (byte)((version << 4) | 5);
                yield return ($"ipv4-version-{version}", frame);
                byte[] six = Ipv6(17, 80);
                six[14] = (byte)(version << 4);
                yield return ($"ipv6-version-{version}", six);
            }

            foreach (byte protocol in new byte[] { 0, 1, 2, 4, 6, 17, 41, 47, 50, 58, 132, 255 })
            {
                byte[] frame = Packets.Ipv4Udp();
                frame[23] = protocol;
                yield return ($"ipv4-protocol-{protocol}", frame);
                yield return ($"ipv6-next-header-{protocol}", Ipv6(protocol, 80));
            }

            for (int length = 14; length <= 56; length++)
            {
                yield return ($"ipv6-truncated-{length}", Ipv6(17, length));
            }

            foreach ((string name, byte high, byte low) in new[] { ("arp", (byte)0x08, (byte)0x06), ("vlan", (byte)0x81, (byte)0x00), ("qinq", (byte)0x88, (byte)0xa8), ("lldp", (byte)0x88, (byte)0xcc), ("ipv4-swapped", (byte)0x00, (byte)0x08), ("ipv6-swapped", (byte)0xdd, (byte)0x86) })
            {
                byte[] frame = Packets.Ipv4Udp();
                frame[12] = high;
                frame[13] = low;
                yield return (name, frame);
            }

            var random = new Random(4);
            for (int i = 0; i < 200; i++)
            {
                int length = 14 + random.Next(0, 80);
                byte[] frame = i % 2 == 0 ? Packets.Ipv4Udp(100).AsSpan(0, length).ToArray() : Ipv6((byte)random.Next(0, 256), length);
                for (int flips = random.Next(1, 4); flips > 0; flips--)
                {
                    frame[random.Next(12, Math.Min(frame.Length, 56))] = (byte)random.Next(0, 256);
                }

                yield return ($"random-{i}", frame);
            }
        }

        /// <summary>An Ethernet + IPv6 frame of <paramref name="length"/> bytes with the given next header.</summary>
        public static byte[] Ipv6(byte nextHeader, int length)
        {
            var frame = new byte[length];
            Packets.Ipv4Udp().AsSpan(0, Math.Min(12, length)).CopyTo(frame);
            if (length > 13)
            {
                frame[12] = 0x86;
                frame[13] = 0xdd;
            }

            if (length > 21)
            {
                frame[14] = 0x60;
                frame[20] = nextHeader;
                frame[21] = 64;
            }

            return frame;
        }
    }
}

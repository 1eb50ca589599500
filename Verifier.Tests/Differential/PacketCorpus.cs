using System;
using System.Collections.Generic;
using System.Linq;
using Ebpf.Verifier.Tests.Infrastructure;

namespace Ebpf.Verifier.Tests.Differential
{
    /// <summary>
    /// Named packets that reach the corners of header parsing: Ethernet with IPv4 (options, fragments, the evil bit,
    /// bad IHL), IPv6, ARP and VLAN; TCP, UDP, ICMP and ICMPv6; runts and headers cut short.
    /// </summary>
    internal static class PacketCorpus
    {
        private static readonly byte[] Macs = { 0x02, 0, 0, 0, 0, 0x02, 0x02, 0, 0, 0, 0, 0x01 };

        /// <summary>Every corpus packet, by name.</summary>
        public static IReadOnlyList<(string Name, byte[] Packet)> All { get; } = Build();

        /// <summary>
        /// 64-byte frames carrying integer operands x (bytes 14–21) and y (22–29), little-endian: the pairs where C# and
        /// BPF semantics part if the compiler gets them wrong (MinValue / -1, shifts by the width and beyond, sign bits).
        /// </summary>
        public static IReadOnlyList<(string Name, byte[] Packet)> IntegerOperands { get; } = new (long X, long Y)[]
        {
            (0, 0), (1, -1), (-1, 1), (long.MinValue, -1), (int.MinValue, -1), (int.MinValue, 0xFFFF_FFFF), (long.MaxValue, long.MaxValue),
            (0x1234_5678_9ABC_DEF0, 32), (-5, 31), (-5, 63), (7, 64), (7, 65), (-7, 33), (0xFFFF, 16), (0x80, 0x80), (0x7FFF, -0x8000),
            (0x8000_0000, 0x7FFF_FFFF), (uint.MaxValue, 1), (-2, 3), (255, 256),
        }.Select(pair => ($"x={pair.X},y={pair.Y}", Operands(pair.X, pair.Y))).ToList();

        /// <summary>The operands x and y an <see cref="IntegerOperands"/> packet carries.</summary>
        public static (long X, long Y) ReadOperands(byte[] packet) => (BitConverter.ToInt64(packet, 14), BitConverter.ToInt64(packet, 22));

        private static byte[] Operands(long x, long y)
        {
            byte[] packet = Packets.Ipv4Udp();
            BitConverter.GetBytes(x).CopyTo(packet, 14);
            BitConverter.GetBytes(y).CopyTo(packet, 22);
            return packet;
        }

        private static List<(string, byte[])> Build()
        {
            var packets = new List<(string, byte[])>
            {
                ("ipv4-udp-64", Packets.Ipv4Udp()),
                ("ipv4-udp-42", Packets.Ipv4Udp(42)),
                ("ipv4-udp-1500", Packets.Ipv4Udp(1514)),
                ("ipv4-tcp", Ipv4(6, Tcp())),
                ("ipv4-icmp-echo", Ipv4(1, new byte[] { 8, 0, 0xF7, 0xFF, 0, 1, 0, 1 })),
                ("ipv4-options", Ipv4(17, Udp(), options: new byte[] { 0x94, 0x04, 0, 0, 0x01, 0x01, 0x01, 0x00 })),
                ("ipv4-df", Ipv4(17, Udp(), flags: 0x40)),
                ("ipv4-mf-first-fragment", Ipv4(17, Udp(), flags: 0x20)),
                ("ipv4-later-fragment", Ipv4(17, Udp(), flags: 0x00, fragmentOffset: 185)),
                ("ipv4-evil-bit", Ipv4(17, Udp(), flags: 0x80)),
                ("ipv4-ihl-too-small", WithByte(Ipv4(17, Udp()), 14, 0x44)),
                ("ipv4-ihl-15", WithByte(Ipv4(17, Udp()), 14, 0x4F)),
                ("ipv4-version-6-in-ipv4-ethertype", WithByte(Ipv4(17, Udp()), 14, 0x65)),
                ("ipv4-ttl-0", WithByte(Ipv4(17, Udp()), 22, 0)),
                ("ipv4-truncated-ip", Packets.Ipv4Udp(64).Take(30).ToArray()),
                ("ipv4-truncated-udp", Packets.Ipv4Udp(64).Take(38).ToArray()),
                ("ipv6-udp", Ipv6(17, Udp())),
                ("ipv6-tcp", Ipv6(6, Tcp())),
                ("ipv6-icmpv6-echo", Ipv6(58, new byte[] { 128, 0, 0, 0, 0, 1, 0, 1 })),
                ("ipv6-hop-by-hop", Ipv6(0, new byte[] { 17, 0, 1, 4, 0, 0, 0, 0 }.Concat(Udp()).ToArray())),
                ("ipv6-truncated", Ipv6(17, Udp()).Take(40).ToArray()),
                ("arp-request", Frame(0x0806, new byte[] { 0, 1, 8, 0, 6, 4, 0, 1, 2, 0, 0, 0, 0, 1, 10, 0, 0, 1, 0, 0, 0, 0, 0, 0, 10, 0, 0, 2 })),
                ("vlan-ipv4-udp", Vlan(Packets.Ipv4Udp())),
                ("qinq-ipv4-udp", Vlan(Vlan(Packets.Ipv4Udp()), 0x88A8)),
                ("runt-14-ethernet-only", Frame(0x0800, Array.Empty<byte>())),
                ("runt-20", Frame(0x0800, new byte[] { 0x45, 0, 0, 20, 0, 0 })),
                ("all-ones-64", Enumerable.Repeat((byte)0xFF, 64).ToArray()),
                ("all-zero-64", new byte[64]),
                ("counting-96", Enumerable.Range(0, 96).Select(i => (byte)(i * 37 + 11)).ToArray()),
            };
            return packets;
        }

        private static byte[] Frame(ushort etherType, byte[] payload) =>
            Macs.Concat(new[] { (byte)(etherType >> 8), (byte)etherType }).Concat(payload).ToArray();

        private static byte[] Vlan(byte[] frame, ushort tpid = 0x8100) =>
            frame.Take(12).Concat(new byte[] { (byte)(tpid >> 8), (byte)tpid, 0x20, 0x07 }).Concat(frame.Skip(12)).ToArray();

        private static byte[] WithByte(byte[] packet, int offset, byte value)
        {
            packet[offset] = value;
            return packet;
        }

        private static byte[] Udp() => new byte[] { 0x30, 0x39, 0x00, 0x35, 0x00, 0x10, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8 };

        private static byte[] Tcp() =>
            new byte[] { 0x30, 0x39, 0x00, 0x50, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x02, 0xFF, 0xFF, 0, 0, 0, 0, 9, 9, 9, 9 };

        private static byte[] Ipv4(byte protocol, byte[] payload, byte[]? options = null, byte flags = 0, int fragmentOffset = 0)
        {
            options ??= Array.Empty<byte>();
            int headerLength = 20 + options.Length;
            int total = headerLength + payload.Length;
            var header = new byte[headerLength];
            header[0] = (byte)(0x40 | headerLength / 4);
            header[2] = (byte)(total >> 8);
            header[3] = (byte)total;
            header[6] = (byte)(flags | fragmentOffset >> 8);
            header[7] = (byte)fragmentOffset;
            header[8] = 64;
            header[9] = protocol;
            new byte[] { 10, 0, 0, 1, 10, 0, 0, 2 }.CopyTo(header, 12);
            options.CopyTo(header, 20);
            return Frame(0x0800, header.Concat(payload).ToArray());
        }

        private static byte[] Ipv6(byte nextHeader, byte[] payload)
        {
            var header = new byte[40];
            header[0] = 0x60;
            header[4] = (byte)(payload.Length >> 8);
            header[5] = (byte)payload.Length;
            header[6] = nextHeader;
            header[7] = 64;
            header[8] = 0xFD;
            header[23] = 1;
            header[24] = 0xFD;
            header[39] = 2;
            return Frame(0x86DD, header.Concat(payload).ToArray());
        }
    }
}

using System;

namespace Ebpf.Dsl.Tests
{
    /// <summary>Real frames, as bytes on the wire.</summary>
    internal static class PacketBytes
    {
        /// <summary>Ethernet + the IPv4 header of Wikipedia's checksum example (checksum b861) + UDP 1234 → 53.</summary>
        public static byte[] Ipv4Udp() => Convert.FromHexString(
            "0200000000020200000000010800" +
            "450000730000400040 11b861c0a80001c0a800c7".Replace(" ", string.Empty) +
            "04d20035005f0000" +
            new string('a', 2 * 87));

        /// <summary>Ethernet + 802.1Q (PCP 5, VLAN 100) + IPv6 (2001:db8::1 → 2001:db8::2, hop limit 64) + ICMPv6
        /// echo request id 0x1234 seq 1.</summary>
        public static byte[] VlanIpv6Icmpv6() => Convert.FromHexString(
            "33330000000102000000000181 00".Replace(" ", string.Empty) +
            "a06486dd" +
            "6000000000083a40" +
            "20010db8000000000000000000000001" +
            "20010db8000000000000000000000002" +
            "8000000012340001");

        /// <summary>Ethernet + IPv4 (TCP, with the evil bit and MF set, offset 0) + a TCP SYN from 40000 to 443.</summary>
        public static byte[] EvilFirstFragmentTcpSyn() => Convert.FromHexString(
            "0200000000020200000000010800" +
            "45000028abcd a000 4006 0000 0a000001 0a000002".Replace(" ", string.Empty) +
            "9c4001bb000003e800000000 5002 faf0 0000 0000".Replace(" ", string.Empty));
    }
}

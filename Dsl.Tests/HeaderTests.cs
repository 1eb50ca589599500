using System.Runtime.CompilerServices;
using Ebpf.Dsl.Packets;
using Xunit;

namespace Ebpf.Dsl.Tests
{
    public class HeaderTests
    {
        [Fact]
        public void SizesMatchTheKernelStructs()
        {
            Assert.Equal(EthernetHeader.Size, Unsafe.SizeOf<EthernetHeader>());
            Assert.Equal(VlanHeader.Size, Unsafe.SizeOf<VlanHeader>());
            Assert.Equal(Ipv4Header.MinimumSize, Unsafe.SizeOf<Ipv4Header>());
            Assert.Equal(Ipv6Header.Size, Unsafe.SizeOf<Ipv6Header>());
            Assert.Equal(2, Unsafe.SizeOf<Ipv6ExtensionHeader>());
            Assert.Equal(IcmpHeader.Size, Unsafe.SizeOf<IcmpHeader>());
            Assert.Equal(Icmpv6Header.Size, Unsafe.SizeOf<Icmpv6Header>());
            Assert.Equal(TcpHeader.MinimumSize, Unsafe.SizeOf<TcpHeader>());
            Assert.Equal(UdpHeader.Size, Unsafe.SizeOf<UdpHeader>());
            Assert.Equal(8, Unsafe.SizeOf<Ebpf.Dsl.Maps.LpmKey<uint>>());
            Assert.Equal(20, Unsafe.SizeOf<Ebpf.Dsl.Maps.LpmKey<Ipv6Address>>());
        }

        [Fact]
        public void ParsesEthernetIpv4Udp()
        {
            var ctx = new XdpContext(PacketBytes.Ipv4Udp());
            var eth = ctx.Packet.At<EthernetHeader>(0);
            Assert.NotNull(eth);
            Assert.Equal(EtherType.Ipv4, eth.Value.EtherType);
            Assert.Equal(0x01, eth.Value.Source[5]);

            Assert.True(ctx.Packet.TryRead(EthernetHeader.Size, out Ipv4Header ip));
            Assert.Equal(4, ip.Version);
            Assert.Equal(20, ip.HeaderLength);
            Assert.False(ip.HasOptions);
            Assert.Equal(0x73, ip.TotalLength);
            Assert.True(ip.DontFragment);
            Assert.False(ip.IsFragment);
            Assert.False(ip.EvilBit);
            Assert.Equal(64, ip.TimeToLive);
            Assert.Equal(IpProtocol.Udp, ip.Protocol);
            Assert.Equal(0xc0a80001u, Net.ToHost32(ip.SourceAddress));
            Assert.Equal(0xc0a800c7u, Net.ToHost32(ip.DestinationAddress));

            Assert.True(ctx.Packet.TryRead(EthernetHeader.Size + ip.HeaderLength, out UdpHeader udp));
            Assert.Equal(1234, udp.SourcePort);
            Assert.Equal(53, udp.DestinationPort);
            Assert.Equal(0x5f, udp.Length);
        }

        [Fact]
        public void ParsesVlanIpv6Icmpv6()
        {
            var ctx = new XdpContext(PacketBytes.VlanIpv6Icmpv6());
            Assert.Equal(EtherType.Vlan, ctx.Packet.At<EthernetHeader>(0)!.Value.EtherType);
            var vlan = ctx.Packet.At<VlanHeader>(EthernetHeader.Size)!.Value;
            Assert.Equal(5, vlan.Priority);
            Assert.False(vlan.DropEligible);
            Assert.Equal(100, vlan.VlanId);
            Assert.Equal(EtherType.Ipv6, vlan.EncapsulatedProtocol);

            int ipOffset = EthernetHeader.Size + VlanHeader.Size;
            var ip6 = ctx.Packet.At<Ipv6Header>(ipOffset)!.Value;
            Assert.Equal(6, ip6.Version);
            Assert.Equal(8, ip6.PayloadLength);
            Assert.Equal(IpProtocol.Icmpv6, ip6.NextHeader);
            Assert.Equal(64, ip6.HopLimit);
            Assert.Equal(0x20, ip6.SourceAddress[0]);
            Assert.Equal(1, ip6.SourceAddress[15]);
            Assert.Equal(2, ip6.DestinationAddress[15]);

            var icmp = ctx.Packet.At<Icmpv6Header>(ipOffset + Ipv6Header.Size)!.Value;
            Assert.Equal(Icmpv6Header.EchoRequest, icmp.Type);
            Assert.Equal(0x1234, icmp.Identifier);
            Assert.Equal(1, icmp.Sequence);
            Assert.Null(ctx.Packet.At<Icmpv6Header>(ipOffset + Ipv6Header.Size + 1));
        }

        [Fact]
        public void Ipv4FlagAccessorsAndTcpFlags()
        {
            var ctx = new XdpContext(PacketBytes.EvilFirstFragmentTcpSyn());
            var ip = ctx.Packet.At<Ipv4Header>(EthernetHeader.Size)!.Value;
            Assert.True(ip.EvilBit);
            Assert.True(ip.MoreFragments);
            Assert.False(ip.DontFragment);
            Assert.Equal(0, ip.FragmentOffset);
            Assert.True(ip.IsFragment);
            Assert.True(ip.IsFirstFragment);
            Assert.Equal(0xabcd, ip.Identification);

            var tcp = ctx.Packet.At<TcpHeader>(EthernetHeader.Size + ip.HeaderLength)!.Value;
            Assert.Equal(40000, tcp.SourcePort);
            Assert.Equal(443, tcp.DestinationPort);
            Assert.Equal(1000u, tcp.Sequence);
            Assert.Equal(20, tcp.HeaderLength);
            Assert.True(tcp.Syn);
            Assert.False(tcp.Ack);
            Assert.Equal(0xfaf0, tcp.Window);
        }

        [Fact]
        public void SettersWriteNetworkOrder()
        {
            var ctx = new XdpContext(PacketBytes.Ipv4Udp());
            var ip = ctx.Packet.At<Ipv4Header>(EthernetHeader.Size)!;
            ip.Value.TotalLength = 0x1234;
            ip.Value.FlagsAndFragmentOffset = 0x2001;
            var bytes = ctx.ToArray();
            Assert.Equal(0x12, bytes[16]);
            Assert.Equal(0x34, bytes[17]);
            Assert.Equal(1, ip.Value.FragmentOffset);
            Assert.False(ip.Value.IsFirstFragment);

            var icmp = new IcmpHeader { Identifier = 7 };
            icmp.NextHopMtu = 1400;
            Assert.Equal(0, icmp.Identifier);
            Assert.Equal(1400, icmp.NextHopMtu);
            Assert.Equal(0x1122334455667788UL, Net.ToHost64(Net.ToNetwork64(0x1122334455667788UL)));
            Assert.Equal(0x8877665544332211UL, Net.ToNetwork64(0x1122334455667788UL));
        }

        [Fact]
        public void ExtensionHeaderLength()
        {
            var hopByHop = new Ipv6ExtensionHeader { NextHeader = IpProtocol.Tcp, LengthUnits = 1 };
            Assert.Equal(16, hopByHop.Length);
        }
    }
}

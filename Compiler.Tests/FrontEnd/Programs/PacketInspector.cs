using Ebpf.Dsl;
using Ebpf.Dsl.Maps;
using Ebpf.Dsl.Packets;

namespace Ebpf.Compiler.Tests.FrontEnd.Programs
{
    /// <summary>
    /// Reads Ethernet, IPv4 and UDP headers through bounds-checked packet references, rewrites the TTL and the
    /// UDP destination port, and records what it saw: packet access as the verifier needs it, checked against the CLR.
    /// </summary>
    public static class PacketInspector
    {
        public static readonly ArrayMap<ulong> Seen = new(maxEntries: 6);

        [Xdp]
        public static XdpAction Inspect(XdpContext ctx)
        {
            Record(0, (ulong)ctx.Packet.Length);
            var eth = ctx.Packet.At<EthernetHeader>(0);
            if (eth is null)
            {
                return XdpAction.Aborted;
            }

            Record(1, (ulong)eth.Value.EtherType);
            if (eth.Value.EtherType != EtherType.Ipv4)
            {
                return XdpAction.Pass;
            }

            var ip = ctx.Packet.At<Ipv4Header>(EthernetHeader.Size);
            if (ip is null)
            {
                return XdpAction.Drop;
            }

            Record(2, (ulong)ip.Value.TotalLength * 1000 + (ulong)ip.Value.HeaderLength * 10 + (ip.Value.HasOptions ? 1UL : 0) + (ip.Value.IsFragment ? 2UL : 0) + (ip.Value.DontFragment ? 4UL : 0) + (ulong)ip.Value.Version * 100_000_000);
            Record(3, ip.Value.TimeToLive);
            ip.Value.TimeToLive--;
            if (ip.Value.Protocol != IpProtocol.Udp)
            {
                return XdpAction.Pass;
            }

            if (!ctx.Packet.TryRead(EthernetHeader.Size + Ipv4Header.MinimumSize, out UdpHeader udp))
            {
                return XdpAction.Drop;
            }

            Record(4, udp.DestinationPort);
            var writable = ctx.Packet.At<UdpHeader>(EthernetHeader.Size + Ipv4Header.MinimumSize);
            if (writable is not null)
            {
                writable.Value.DestinationPort = (ushort)(udp.DestinationPort + 1);
                Record(5, writable.Value.DestinationPort);
            }

            return XdpAction.Tx;
        }

        private static void Record(uint index, ulong value)
        {
            var slot = Seen.Lookup(index);
            if (slot is not null)
            {
                slot.Value = value;
            }
        }
    }
}

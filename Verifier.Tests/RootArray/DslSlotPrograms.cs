using System.Globalization;
using Ebpf.Asm;
using Ebpf.Verifier.Tests.Compiler;

namespace Ebpf.Verifier.Tests.RootArray
{
    /// <summary>Slot programs written in the DSL (<c>[XdpSlot(k)]</c>), compiled by the front end in the test.</summary>
    public static class DslSlotPrograms
    {
        /// <summary>The map <see cref="DropUdpPort"/> counts every frame it sees in (entry 0).</summary>
        public const string SeenMapName = "port_drop_seen";

        /// <summary>
        /// <c>[XdpSlot(2)] DropUdp{port}</c>: counts each frame in <see cref="SeenMapName"/>, drops IPv4 UDP to
        /// <paramref name="port"/>, passes the rest.
        /// </summary>
        public static CollectionImage DropUdpPort(int port)
        {
            string p = port.ToString(CultureInfo.InvariantCulture);
            return CompiledPrograms.CompileText("PortDrop", ("/src/RootArrayTests/PortDrop.cs", $$"""
                using Ebpf.Dsl;
                using Ebpf.Dsl.Maps;
                using Ebpf.Dsl.Packets;

                namespace RootArrayTests
                {
                    public static class PortDrop
                    {
                        static readonly ArrayMap<ulong> {{SeenMapName}} = new(maxEntries: 1);

                        [XdpSlot(2)]
                        public static XdpAction DropUdp{{p}}(XdpContext ctx)
                        {
                            var seen = {{SeenMapName}}.Lookup(0);
                            if (seen is not null)
                            {
                                seen.Value = seen.Value + 1;
                            }

                            var eth = ctx.Packet.At<EthernetHeader>(0);
                            if (eth is null || eth.Value.EtherType != EtherType.Ipv4)
                            {
                                return XdpAction.Pass;
                            }

                            var ip = ctx.Packet.At<Ipv4Header>(EthernetHeader.Size);
                            if (ip is null || ip.Value.Protocol != IpProtocol.Udp)
                            {
                                return XdpAction.Pass;
                            }

                            var udp = ctx.Packet.At<UdpHeader>(EthernetHeader.Size + Ipv4Header.MinimumSize);
                            if (udp is null)
                            {
                                return XdpAction.Pass;
                            }

                            return udp.Value.DestinationPort == {{p}} ? XdpAction.Drop : XdpAction.Pass;
                        }
                    }
                }
                """));
        }

        /// <summary><c>[XdpSlot(slot)] <paramref name="name"/></c> returning <paramref name="verdict"/> (any value, also invalid actions) for every frame.</summary>
        public static CollectionImage Constant(string name, uint verdict, int slot = 0) =>
            CompiledPrograms.CompileText("ConstantSlot", ("/src/RootArrayTests/ConstantSlot.cs", $$"""
                using Ebpf.Dsl;

                namespace RootArrayTests
                {
                    public static class ConstantSlot
                    {
                        [XdpSlot({{slot}})]
                        public static XdpAction {{name}}(XdpContext ctx) => (XdpAction){{verdict}}u;
                    }
                }
                """));
    }
}

using System;
using Ebpf.Dsl;
using Ebpf.Dsl.Maps;
using Ebpf.Dsl.Packets;

namespace Ebpf.Compiler.Tests.FrontEnd.Programs
{
    /// <summary>
    /// Copies packet bytes into a <c>stackalloc</c> buffer with <c>LoadBytes</c> (as the sampler does) and checksums the
    /// IPv4 header with <c>Bpf.CsumDiff</c>; records what it computed so kernel and CLR can be compared.
    /// </summary>
    public static class StackBuffers
    {
        public static readonly ArrayMap<ulong> Seen = new(maxEntries: 4);

        [Xdp]
        public static XdpAction Sample(XdpContext ctx)
        {
            Span<byte> head = stackalloc byte[16];
            long loaded = ctx.LoadBytes(2, head);
            Record(0, (ulong)loaded);
            Record(1, head[0] + head[5] * 3UL + head[10] * 7UL + head[15] * 11UL + (ulong)head.Length * 1000);
            var ip = ctx.Packet.At<Ipv4Header>(EthernetHeader.Size);
            if (ip is null)
            {
                return loaded == 0 ? XdpAction.Pass : XdpAction.Drop;
            }

            // bpf_csum_diff's 32-bit partial sum is architecture-shaped; its 16-bit fold is not.
            ulong sum = (ulong)Bpf.CsumDiff(in ip.Value, 0u) & 0xffff_ffff;
            sum = (sum & 0xffff) + (sum >> 16);
            sum = (sum & 0xffff) + (sum >> 16);
            Record(2, sum);
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

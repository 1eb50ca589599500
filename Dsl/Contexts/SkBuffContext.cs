using System;
using Ebpf.Dsl.Packets;

namespace Ebpf.Dsl
{
    /// <summary>
    /// What cgroup_skb, tc (sched_cls) and socket-filter programs receive: a socket buffer.
    /// </summary>
    /// <remarks>
    /// Kernel: <c>struct __sk_buff</c>, since 3.19; each field's kernel name and version is on the property. Which fields
    /// a program type may read or write is the kernel's rule (net/core/filter.c *_is_valid_access); the compiler
    /// enforces it. Under the CLR the packet is linear and <see cref="Packet"/> starts where the program type's
    /// <c>data</c> starts: the Ethernet header for tc, the IP header for cgroup_skb.
    /// </remarks>
    public sealed class SkBuffContext : ProgramContext
    {
        private readonly PacketFrame _frame;
        private ControlBuffer _cb;

        /// <summary>Creates the context of one run over a copy of <paramref name="packet"/>.</summary>
        /// <param name="packet">The packet bytes as the program type sees them from <c>data</c>.</param>
        [ManagedOnly]
        public SkBuffContext(ReadOnlySpan<byte> packet)
        {
            var buffer = packet.ToArray();
            _frame = new PacketFrame(buffer, 0, buffer.Length, buffer.Length);
            Packet = new Packet(_frame, PacketRegion.Data);
            Length = (uint)buffer.Length;
            WireLength = (uint)buffer.Length;
        }

        /// <summary>Direct packet access, <c>data</c> to <c>data_end</c> (tc since 4.7, cgroup_skb since 5.2 read-only;
        /// not for socket filters).</summary>
        /// <remarks>Kernel: <c>__sk_buff.data</c>, <c>__sk_buff.data_end</c>.</remarks>
        public Packet Packet { get; }

        /// <summary>The packet length including paged data.</summary>
        /// <remarks>Kernel: <c>__sk_buff.len</c>; since 3.19.</remarks>
        public uint Length { get; [ManagedOnly] init; }

        /// <summary>PACKET_HOST (0), PACKET_BROADCAST (1), PACKET_MULTICAST (2), PACKET_OTHERHOST (3), PACKET_OUTGOING (4).</summary>
        /// <remarks>Kernel: <c>__sk_buff.pkt_type</c>; since 3.19.</remarks>
        public uint PacketType { get; [ManagedOnly] init; }

        /// <summary>The firewall mark; writable by tc and cgroup_skb programs.</summary>
        /// <remarks>Kernel: <c>__sk_buff.mark</c>; since 3.19.</remarks>
        public uint Mark { get; set; }

        /// <summary>The transmit queue; writable by tc programs.</summary>
        /// <remarks>Kernel: <c>__sk_buff.queue_mapping</c>; since 3.19.</remarks>
        public uint QueueMapping { get; set; }

        /// <summary>The link-layer protocol (host order here; the kernel field holds it in network order and the compiler
        /// converts).</summary>
        /// <remarks>Kernel: <c>__sk_buff.protocol</c> (__be16); since 3.19.</remarks>
        public EtherType Protocol { get; [ManagedOnly] init; }

        /// <summary>Whether the packet carries an offloaded VLAN tag.</summary>
        /// <remarks>Kernel: <c>__sk_buff.vlan_present</c>; since 4.1.</remarks>
        public uint VlanPresent { get; [ManagedOnly] init; }

        /// <summary>The offloaded VLAN tag control information (host order).</summary>
        /// <remarks>Kernel: <c>__sk_buff.vlan_tci</c>; since 4.1.</remarks>
        public uint VlanTci { get; [ManagedOnly] init; }

        /// <summary>The offloaded VLAN tag protocol (host order here; network order in the kernel field).</summary>
        /// <remarks>Kernel: <c>__sk_buff.vlan_proto</c> (__be16); since 4.1.</remarks>
        public EtherType VlanProto { get; [ManagedOnly] init; }

        /// <summary>The queueing priority; writable by tc and cgroup_skb programs.</summary>
        /// <remarks>Kernel: <c>__sk_buff.priority</c>; since 4.1.</remarks>
        public uint Priority { get; set; }

        /// <summary>The interface the packet arrived on.</summary>
        /// <remarks>Kernel: <c>__sk_buff.ingress_ifindex</c>; since 4.2.</remarks>
        public uint IngressIfindex { get; [ManagedOnly] init; }

        /// <summary>The interface the packet is on now.</summary>
        /// <remarks>Kernel: <c>__sk_buff.ifindex</c>; since 4.2.</remarks>
        public uint Ifindex { get; [ManagedOnly] init; }

        /// <summary>The traffic-control index; writable by tc programs.</summary>
        /// <remarks>Kernel: <c>__sk_buff.tc_index</c>; since 4.2.</remarks>
        public uint TcIndex { get; set; }

        /// <summary>Scratch words shared by programs that see the same skb; writable.</summary>
        /// <remarks>Kernel: <c>__sk_buff.cb[5]</c>; since 4.2.</remarks>
        public ref ControlBuffer Cb => ref _cb;

        /// <summary>The packet's flow hash.</summary>
        /// <remarks>Kernel: <c>__sk_buff.hash</c>; since 4.3.</remarks>
        public uint Hash { get; [ManagedOnly] init; }

        /// <summary>The tc class id; writable by tc programs.</summary>
        /// <remarks>Kernel: <c>__sk_buff.tc_classid</c>; since 4.5.</remarks>
        public uint TcClassid { get; set; }

        /// <summary>The NAPI id the packet was received by.</summary>
        /// <remarks>Kernel: <c>__sk_buff.napi_id</c>; since 4.12.</remarks>
        public uint NapiId { get; [ManagedOnly] init; }

        /// <summary>The socket's address family (AF_INET 2, AF_INET6 10).</summary>
        /// <remarks>Kernel: <c>__sk_buff.family</c>; since 4.14; needs a socket (cgroup_skb).</remarks>
        public uint Family { get; [ManagedOnly] init; }

        /// <summary>The socket's remote IPv4 address, network order.</summary>
        /// <remarks>Kernel: <c>__sk_buff.remote_ip4</c>; since 4.14.</remarks>
        public uint RemoteIp4 { get; [ManagedOnly] init; }

        /// <summary>The socket's local IPv4 address, network order.</summary>
        /// <remarks>Kernel: <c>__sk_buff.local_ip4</c>; since 4.14.</remarks>
        public uint LocalIp4 { get; [ManagedOnly] init; }

        /// <summary>The socket's remote port, network order (as the kernel field).</summary>
        /// <remarks>Kernel: <c>__sk_buff.remote_port</c>; since 4.14.</remarks>
        public uint RemotePort { get; [ManagedOnly] init; }

        /// <summary>The socket's local port, host order (as the kernel field).</summary>
        /// <remarks>Kernel: <c>__sk_buff.local_port</c>; since 4.14.</remarks>
        public uint LocalPort { get; [ManagedOnly] init; }

        /// <summary>The packet timestamp in ns; writable by tc and cgroup_skb programs.</summary>
        /// <remarks>Kernel: <c>__sk_buff.tstamp</c>; since 5.0.</remarks>
        public ulong Tstamp { get; set; }

        /// <summary>The length on the wire.</summary>
        /// <remarks>Kernel: <c>__sk_buff.wire_len</c>; since 5.0.</remarks>
        public uint WireLength { get; [ManagedOnly] init; }

        /// <summary>GSO segment count.</summary>
        /// <remarks>Kernel: <c>__sk_buff.gso_segs</c>; since 5.1.</remarks>
        public uint GsoSegments { get; [ManagedOnly] init; }

        /// <summary>GSO segment size.</summary>
        /// <remarks>Kernel: <c>__sk_buff.gso_size</c>; since 5.7.</remarks>
        public uint GsoSize { get; [ManagedOnly] init; }

        /// <summary>The interface a successful <see cref="Redirect"/> chose, for tests.</summary>
        [ManagedOnly]
        public uint? RedirectTarget { get; private set; }

        /// <summary>Whether the last successful <see cref="Redirect"/> asked for the target's ingress path.</summary>
        [ManagedOnly]
        public bool RedirectIngress { get; private set; }

        /// <summary>The packet bytes as they are now, for tests.</summary>
        /// <returns>A copy of the packet.</returns>
        [ManagedOnly]
        public byte[] ToArray() => Packet.ToArray();

        /// <summary>Copies packet bytes starting at <paramref name="offset"/> into <paramref name="destination"/>.</summary>
        /// <param name="offset">Byte offset from <c>data</c>.</param>
        /// <param name="destination">Where to copy (stack or map memory); its length is the byte count (not 0).</param>
        /// <returns>0, or -EFAULT when the range passes the end of the packet.</returns>
        /// <remarks>Kernel: <c>bpf_skb_load_bytes</c>, helper 26, since 4.5 (socket filters since 4.7).</remarks>
        [HelperCall(26, "bpf_skb_load_bytes", "4.5")]
        public long LoadBytes(int offset, Span<byte> destination)
        {
            if (offset < 0 || destination.Length == 0 || (long)offset + destination.Length > _frame.DataEnd)
            {
                return -Errno.EFAULT;
            }

            _frame.Buffer.AsSpan(offset, destination.Length).CopyTo(destination);
            return 0;
        }

        /// <summary>
        /// Copies <paramref name="length"/> packet bytes starting at <paramref name="offset"/> into the first bytes of
        /// <paramref name="destination"/> (a struct field of stack, map or ring-buffer memory).
        /// </summary>
        /// <typeparam name="T">The destination's type; <paramref name="length"/> may be 1 to its size.</typeparam>
        /// <param name="offset">Byte offset from <c>data</c>.</param>
        /// <param name="destination">Where to copy; bytes past <paramref name="length"/> are left as they are.</param>
        /// <param name="length">How many bytes, 1 to <c>sizeof(T)</c>; the compiler checks it before the call (the verifier needs the bound).</param>
        /// <returns>0; -EINVAL when <paramref name="length"/> is outside 1..sizeof(T) (nothing is copied); otherwise as the span overload (-EFAULT past the packet's end).</returns>
        /// <remarks>Kernel: <c>bpf_skb_load_bytes</c>, helper 26, since 4.5, with a length the program bounds at run time.</remarks>
        [HelperCall(26, "bpf_skb_load_bytes", "4.5")]
        public long LoadBytes<T>(int offset, ref T destination, int length)
            where T : unmanaged
        {
            System.Span<byte> bytes = FirstBytes(ref destination, length);
            return bytes.IsEmpty ? -Errno.EINVAL : LoadBytes(offset, bytes);
        }

        /// <summary>Redirects the packet to interface <paramref name="ifindex"/> (tc); return the result from the program.</summary>
        /// <param name="ifindex">The target interface index.</param>
        /// <param name="flags">0 for the target's egress, BPF_F_INGRESS (1) for its ingress.</param>
        /// <returns><see cref="TcAction.Redirect"/>, or <see cref="TcAction.Shot"/> for unknown flags.</returns>
        /// <remarks>Kernel: <c>bpf_redirect</c>, helper 23, since 4.4; tc only.</remarks>
        [HelperCall(23, "bpf_redirect", "4.4")]
        public TcAction Redirect(uint ifindex, ulong flags = 0)
        {
            const ulong ingress = 1;
            if ((flags & ~ingress) != 0)
            {
                return TcAction.Shot;
            }

            RedirectTarget = ifindex;
            RedirectIngress = flags == ingress;
            return TcAction.Redirect;
        }
    }
}

using System;

namespace Ebpf.Dsl
{
    /// <summary>
    /// What an XDP program receives: the frame and where it came from.
    /// </summary>
    /// <remarks>
    /// Kernel: <c>struct xdp_md</c>. <see cref="Packet"/> covers <c>data</c>..<c>data_end</c> and <see cref="Metadata"/>
    /// covers <c>data_meta</c>..<c>data</c>; the compiler loads those fields and emits the bounds checks.
    /// Under the CLR the frame is laid out as the kernel's BPF_PROG_TEST_RUN does it: 256 bytes of headroom
    /// (XDP_PACKET_HEADROOM) in a 4096-byte frame whose last 320 bytes are reserved for skb_shared_info.
    /// </remarks>
    public sealed class XdpContext : ProgramContext
    {
        /// <summary>The kernel's XDP_PACKET_HEADROOM.</summary>
        public const int DefaultHeadroom = 256;

        /// <summary>The frame size of a test run (one page).</summary>
        public const int DefaultFrameSize = 4096;

        /// <summary>Bytes at the frame end the kernel reserves for <c>struct skb_shared_info</c> (x86-64).</summary>
        public const int SharedInfoSize = 320;

        /// <summary>Bytes at the frame start the kernel reserves for <c>struct xdp_frame</c> (x86-64).</summary>
        public const int XdpFrameSize = 40;

        private const int EthernetHeaderLength = 14;
        private readonly PacketFrame _frame;

        /// <summary>Creates the context of one run over a copy of <paramref name="frame"/>.</summary>
        /// <param name="frame">The frame bytes, starting with the Ethernet header (at least 14 bytes).</param>
        /// <param name="headroom">Bytes in front of the frame (where adjust_head may grow and metadata lives).</param>
        /// <param name="frameSize">The whole buffer size including head- and tailroom.</param>
        [ManagedOnly]
        public XdpContext(ReadOnlySpan<byte> frame, int headroom = DefaultHeadroom, int frameSize = DefaultFrameSize)
        {
            if (frame.Length < EthernetHeaderLength)
            {
                throw new ArgumentException(
                    $"a {frame.Length}-byte frame is shorter than an Ethernet header; BPF_PROG_TEST_RUN rejects it too");
            }

            if (headroom < XdpFrameSize || headroom + frame.Length > frameSize - SharedInfoSize)
            {
                throw new ArgumentException(
                    $"a {frame.Length}-byte frame with {headroom} bytes of headroom does not fit a {frameSize}-byte buffer");
            }

            var buffer = new byte[frameSize];
            frame.CopyTo(buffer.AsSpan(headroom));
            _frame = new PacketFrame(buffer, headroom, headroom + frame.Length, frameSize - SharedInfoSize);
            Packet = new Packet(_frame, PacketRegion.Data);
            Metadata = new Packet(_frame, PacketRegion.Metadata);
        }

        /// <summary>The frame, <c>data</c> to <c>data_end</c>.</summary>
        /// <remarks>Kernel: <c>xdp_md.data</c>, <c>xdp_md.data_end</c>; since 4.8.</remarks>
        public Packet Packet { get; }

        /// <summary>The metadata area in front of the frame, <c>data_meta</c> to <c>data</c> (empty until grown with
        /// <see cref="AdjustMeta"/>).</summary>
        /// <remarks>Kernel: <c>xdp_md.data_meta</c>; since 4.15.</remarks>
        public Packet Metadata { get; }

        /// <summary>The interface the frame arrived on.</summary>
        /// <remarks>Kernel: <c>xdp_md.ingress_ifindex</c>; since 4.16.</remarks>
        public uint IngressIfindex { get; [ManagedOnly] init; }

        /// <summary>The receive queue the frame arrived on.</summary>
        /// <remarks>Kernel: <c>xdp_md.rx_queue_index</c>; since 4.16.</remarks>
        public uint RxQueueIndex { get; [ManagedOnly] init; }

        /// <summary>The interface the frame leaves by (only in programs run from a DEVMAP entry; 0 elsewhere).</summary>
        /// <remarks>Kernel: <c>xdp_md.egress_ifindex</c>; since 5.8.</remarks>
        public uint EgressIfindex { get; [ManagedOnly] init; }

        /// <summary>The interface a successful <see cref="Redirect"/> chose, for tests.</summary>
        [ManagedOnly]
        public uint? RedirectTarget { get; private set; }

        /// <summary>The frame bytes (<c>data</c>..<c>data_end</c>) as they are now, for tests.</summary>
        /// <returns>A copy of the frame.</returns>
        [ManagedOnly]
        public byte[] ToArray() => Packet.ToArray();

        /// <summary>
        /// Moves <c>data</c> by <paramref name="delta"/> bytes: negative grows the frame at the front (to push a header),
        /// positive shrinks it. Metadata moves with it. Invalidates every <see cref="PacketRef{T}"/>.
        /// </summary>
        /// <param name="delta">Bytes to move data by.</param>
        /// <returns>0, or -EINVAL when the new start would overlap the reserved headroom plus metadata, or leave fewer
        /// than 14 bytes (ETH_HLEN).</returns>
        /// <remarks>Kernel: <c>bpf_xdp_adjust_head</c>, helper 44, since 4.10; XDP only.</remarks>
        [HelperCall(44, "bpf_xdp_adjust_head", "4.10")]
        public long AdjustHead(int delta)
        {
            int metaLength = _frame.Data - _frame.DataMeta;
            long data = (long)_frame.Data + delta;
            if (data < XdpFrameSize + metaLength || data > _frame.DataEnd - EthernetHeaderLength)
            {
                return -Errno.EINVAL;
            }

            if (metaLength > 0)
            {
                Buffer.BlockCopy(_frame.Buffer, _frame.DataMeta, _frame.Buffer, _frame.DataMeta + delta, metaLength);
            }

            _frame.DataMeta += delta;
            _frame.Data = (int)data;
            _frame.Invalidate();
            return 0;
        }

        /// <summary>
        /// Moves <c>data_end</c> by <paramref name="delta"/> bytes: positive grows the frame at the tail (new bytes are
        /// zeroed), negative trims it. Invalidates every <see cref="PacketRef{T}"/>.
        /// </summary>
        /// <param name="delta">Bytes to move data_end by.</param>
        /// <returns>0, or -EINVAL beyond the frame's tailroom or below 14 bytes (ETH_HLEN).</returns>
        /// <remarks>Kernel: <c>bpf_xdp_adjust_tail</c>, helper 65, since 4.18 (shrink), 5.8 (grow); XDP only.</remarks>
        [HelperCall(65, "bpf_xdp_adjust_tail", "4.18")]
        public long AdjustTail(int delta)
        {
            long end = (long)_frame.DataEnd + delta;
            if (end > _frame.HardEnd || end < _frame.Data + EthernetHeaderLength)
            {
                return -Errno.EINVAL;
            }

            if (delta > 0)
            {
                Array.Clear(_frame.Buffer, _frame.DataEnd, delta);
            }

            _frame.DataEnd = (int)end;
            _frame.Invalidate();
            return 0;
        }

        /// <summary>
        /// Moves <c>data_meta</c> by <paramref name="delta"/> bytes: negative grows the metadata area in front of the
        /// frame. Invalidates every <see cref="PacketRef{T}"/>.
        /// </summary>
        /// <param name="delta">Bytes to move data_meta by.</param>
        /// <returns>0; -EINVAL when data_meta would pass data or enter the reserved headroom; -EACCES when the
        /// metadata length would not be a multiple of 4 or exceed 255 bytes.</returns>
        /// <remarks>Kernel: <c>bpf_xdp_adjust_meta</c>, helper 54, since 4.15; XDP only, driver support needed.</remarks>
        [HelperCall(54, "bpf_xdp_adjust_meta", "4.15")]
        public long AdjustMeta(int delta)
        {
            long meta = (long)_frame.DataMeta + delta;
            long metaLength = _frame.Data - meta;
            if (meta < XdpFrameSize || meta > _frame.Data)
            {
                return -Errno.EINVAL;
            }

            if ((metaLength & 3) != 0 || metaLength > byte.MaxValue)
            {
                return -Errno.EACCES;
            }

            _frame.DataMeta = (int)meta;
            _frame.Invalidate();
            return 0;
        }

        /// <summary>Redirects the frame to interface <paramref name="ifindex"/>; return the result from the program.</summary>
        /// <param name="ifindex">The target interface index.</param>
        /// <param name="flags">Must be 0 for XDP.</param>
        /// <returns><see cref="XdpAction.Redirect"/>, or <see cref="XdpAction.Aborted"/> when flags are not 0.</returns>
        /// <remarks>Kernel: <c>bpf_redirect</c>, helper 23, since 4.4 (XDP since 4.14).</remarks>
        [HelperCall(23, "bpf_redirect", "4.14")]
        public XdpAction Redirect(uint ifindex, ulong flags = 0)
        {
            if (flags != 0)
            {
                return XdpAction.Aborted;
            }

            RedirectTarget = ifindex;
            return XdpAction.Redirect;
        }

        /// <summary>Copies packet bytes starting at <paramref name="offset"/> into <paramref name="destination"/>.</summary>
        /// <param name="offset">Byte offset from <c>data</c>.</param>
        /// <param name="destination">Where to copy (stack or map memory); its length is the byte count (not 0).</param>
        /// <returns>0, or -EINVAL when the range passes the end of the frame.</returns>
        /// <remarks>Kernel: <c>bpf_xdp_load_bytes</c>, helper 189, since 5.18.</remarks>
        [HelperCall(189, "bpf_xdp_load_bytes", "5.18")]
        public long LoadBytes(int offset, Span<byte> destination)
        {
            if (offset < 0 || destination.Length == 0 || (long)offset + destination.Length > Packet.Length)
            {
                return -Errno.EINVAL;
            }

            _frame.Buffer.AsSpan(_frame.Data + offset, destination.Length).CopyTo(destination);
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
        /// <returns>0; -EINVAL when <paramref name="length"/> is outside 1..sizeof(T) (nothing is copied); otherwise as the span overload (-EINVAL past the frame's end).</returns>
        /// <remarks>Kernel: <c>bpf_xdp_load_bytes</c>, helper 189, since 5.18, with a length the program bounds at run time.</remarks>
        [HelperCall(189, "bpf_xdp_load_bytes", "5.18")]
        public long LoadBytes<T>(int offset, ref T destination, int length)
            where T : unmanaged
        {
            System.Span<byte> bytes = FirstBytes(ref destination, length);
            return bytes.IsEmpty ? -Errno.EINVAL : LoadBytes(offset, bytes);
        }
    }
}

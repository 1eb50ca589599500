using System;
using System.Buffers.Binary;
using System.IO;
using System.Runtime.InteropServices;
using Ebpf.Loader.Sys;

namespace Ebpf.Loader.Links
{
    /// <summary>
    /// The two rtnetlink requests the root array needs: which XDP program an interface has (RTM_GETLINK, IFLA_XDP)
    /// and removing one attached without a bpf_link (RTM_SETLINK with IFLA_XDP_FD = -1). Works in the calling
    /// thread's network namespace.
    /// </summary>
    /// <remarks>Kernel: IFLA_XDP since 4.8, IFLA_XDP_PROG_ID since 4.13.</remarks>
    public static class RouteNetlink
    {
        private const int AfNetlink = 16;
        private const int SockRawCloseOnExec = 3 | 0x80000;
        private const int NetlinkRoute = 0;
        private const ushort NlmsgError = 2;
        private const ushort NlmsgDone = 3;
        private const ushort RtmNewLink = 16;
        private const ushort RtmGetLink = 18;
        private const ushort RtmSetLink = 19;
        private const ushort NlmFRequest = 1;
        private const ushort NlmFAck = 4;
        private const ushort IflaXdp = 43;
        private const ushort NlaFNested = 0x8000;
        private const ushort IflaXdpFd = 1;
        private const ushort IflaXdpAttached = 2;
        private const ushort IflaXdpFlags = 3;
        private const ushort IflaXdpProgId = 4;
        private const int HeaderSize = 16 + 16; // nlmsghdr + ifinfomsg

        /// <summary>The XDP program on interface <paramref name="interfaceIndex"/>, or null when it has none.</summary>
        public static XdpAttachment? QueryXdp(int interfaceIndex)
        {
            byte[] request = Request(RtmGetLink, NlmFRequest, interfaceIndex, 0);
            XdpAttachment? found = null;
            Exchange(request, (type, message) =>
            {
                if (type == RtmNewLink && BinaryPrimitives.ReadInt32LittleEndian(message.Slice(20)) == interfaceIndex)
                {
                    found = ParseXdp(message.Slice(HeaderSize));
                }
            });
            return found is { Mode: not XdpAttachedMode.None } ? found : null;
        }

        /// <summary>
        /// Removes the XDP program attached through netlink (not through a bpf_link: the kernel answers EBUSY then).
        /// <paramref name="mode"/> must be the mode it is attached in.
        /// </summary>
        /// <exception cref="IOException">The kernel refused (errno in the message).</exception>
        public static void DetachXdp(int interfaceIndex, XdpAttachedMode mode)
        {
            uint flags = mode switch
            {
                XdpAttachedMode.Generic => 2u,
                XdpAttachedMode.Native => 4u,
                XdpAttachedMode.Offload => 8u,
                _ => 0u,
            };
            byte[] request = Request(RtmSetLink, NlmFRequest | NlmFAck, interfaceIndex, 4 + 8 + 8);
            int at = HeaderSize;
            WriteHeader(request, ref at, IflaXdp | NlaFNested, 8 + 8); // the nested attributes follow
            WriteHeader(request, ref at, IflaXdpFd, 4);
            BinaryPrimitives.WriteInt32LittleEndian(request.AsSpan(at), -1);
            at += 4;
            WriteHeader(request, ref at, IflaXdpFlags, 4);
            BinaryPrimitives.WriteUInt32LittleEndian(request.AsSpan(at), flags);
            Exchange(request, (type, message) => { });
        }

        private static byte[] Request(ushort type, ushort flags, int interfaceIndex, int attributeBytes)
        {
            var request = new byte[HeaderSize + attributeBytes];
            BinaryPrimitives.WriteUInt32LittleEndian(request, (uint)request.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(request.AsSpan(4), type);
            BinaryPrimitives.WriteUInt16LittleEndian(request.AsSpan(6), flags);
            BinaryPrimitives.WriteUInt32LittleEndian(request.AsSpan(8), 1); // sequence number
            BinaryPrimitives.WriteInt32LittleEndian(request.AsSpan(20), interfaceIndex);
            return request;
        }

        // Writes an rtattr header announcing `payload` bytes and leaves `at` where the payload starts.
        private static void WriteHeader(byte[] buffer, ref int at, int type, int payload)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(at), (ushort)(4 + payload));
            BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(at + 2), (ushort)type);
            at += 4;
        }

        private static XdpAttachment? ParseXdp(ReadOnlySpan<byte> attributes)
        {
            foreach ((int type, int offset, int length) in Attributes(attributes))
            {
                if (type != IflaXdp)
                {
                    continue;
                }

                ReadOnlySpan<byte> nested = attributes.Slice(offset, length);
                var mode = XdpAttachedMode.None;
                uint id = 0;
                foreach ((int innerType, int innerOffset, int innerLength) in Attributes(nested))
                {
                    if (innerType == IflaXdpAttached && innerLength >= 1)
                    {
                        mode = (XdpAttachedMode)nested[innerOffset];
                    }
                    else if (innerType == IflaXdpProgId && innerLength >= 4)
                    {
                        id = BinaryPrimitives.ReadUInt32LittleEndian(nested.Slice(innerOffset));
                    }
                    else if (innerType >= 5 && innerType <= 7 && id == 0 && innerLength >= 4)
                    {
                        id = BinaryPrimitives.ReadUInt32LittleEndian(nested.Slice(innerOffset)); // DRV, SKB, HW ids when several
                    }
                }

                return new XdpAttachment(id, mode);
            }

            return null;
        }

        private static System.Collections.Generic.List<(int Type, int Offset, int Length)> Attributes(ReadOnlySpan<byte> bytes)
        {
            var found = new System.Collections.Generic.List<(int, int, int)>();
            int at = 0;
            while (at + 4 <= bytes.Length)
            {
                int length = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(at));
                int type = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(at + 2)) & 0x3fff;
                if (length < 4 || at + length > bytes.Length)
                {
                    break;
                }

                found.Add((type, at + 4, length - 4));
                at += (length + 3) & ~3;
            }

            return found;
        }

        private delegate void MessageHandler(ushort type, ReadOnlySpan<byte> message);

        private static unsafe void Exchange(byte[] request, MessageHandler handle)
        {
            int socket = Socket(AfNetlink, SockRawCloseOnExec, NetlinkRoute);
            if (socket < 0)
            {
                throw new IOException($"rtnetlink socket: {ErrnoNames.Name(Marshal.GetLastPInvokeError())}");
            }

            try
            {
                fixed (byte* send = request)
                {
                    if (Send(socket, send, (nint)request.Length, 0) != request.Length)
                    {
                        throw new IOException($"rtnetlink send: {ErrnoNames.Name(Marshal.GetLastPInvokeError())}");
                    }
                }

                var buffer = new byte[65536];
                while (true)
                {
                    long received;
                    fixed (byte* receive = buffer)
                    {
                        received = Receive(socket, receive, (nint)buffer.Length, 0);
                    }

                    if (received < 0)
                    {
                        throw new IOException($"rtnetlink receive: {ErrnoNames.Name(Marshal.GetLastPInvokeError())}");
                    }

                    int at = 0;
                    while (at + 16 <= received)
                    {
                        int length = (int)BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(at));
                        ushort type = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(at + 4));
                        if (length < 16 || at + length > received)
                        {
                            throw new IOException("rtnetlink: malformed reply");
                        }

                        ReadOnlySpan<byte> message = buffer.AsSpan(at, length);
                        if (type == NlmsgError)
                        {
                            int error = BinaryPrimitives.ReadInt32LittleEndian(message.Slice(16));
                            if (error != 0)
                            {
                                throw new RouteNetlinkException(-error);
                            }

                            return; // the ACK ends a request
                        }

                        if (type == NlmsgDone)
                        {
                            return;
                        }

                        handle(type, message);
                        if (type == RtmNewLink)
                        {
                            return; // RTM_GETLINK for one index answers with one message
                        }

                        at += (length + 3) & ~3;
                    }
                }
            }
            finally
            {
                Close(socket);
            }
        }

        [DllImport("libc", SetLastError = true, EntryPoint = "socket")]
        private static extern int Socket(int domain, int type, int protocol);

        [DllImport("libc", SetLastError = true, EntryPoint = "send")]
        private static extern unsafe nint Send(int socket, byte* buffer, nint length, int flags);

        [DllImport("libc", SetLastError = true, EntryPoint = "recv")]
        private static extern unsafe nint Receive(int socket, byte* buffer, nint length, int flags);

        [DllImport("libc", SetLastError = true, EntryPoint = "close")]
        private static extern int Close(int fd);
    }
}

using System;
using System.Net;
using System.Net.Sockets;
using Ebpf.Loader.Net;

namespace Ebpf.Loader.Demo
{
    /// <summary>
    /// The demo's private network: two network namespaces joined by a veth pair. The receiving end (<see cref="Interface"/>,
    /// <see cref="ReceiverAddress"/>) is where the root array attaches; the sender holds <see cref="SenderAddress"/> and
    /// <see cref="BlockedAddress"/> (the one the demo puts on the filter's drop list). Addresses are from TEST-NET-1
    /// (RFC 5737), IPv6 is off, MTU 1500. Dispose deletes both namespaces and with them the veth pair.
    /// </summary>
    public sealed class DemoNetwork : IDisposable
    {
        /// <summary>The receiver's address.</summary>
        public const string ReceiverAddress = "192.0.2.1";

        /// <summary>The sender's ordinary address.</summary>
        public const string SenderAddress = "192.0.2.2";

        /// <summary>The sender's second address, which the demo drops with the filter.</summary>
        public const string BlockedAddress = "192.0.2.66";

        private DemoNetwork(string id)
        {
            Interface = "emd" + id + "a";
            PeerInterface = "emd" + id + "b";
            Receiver = new NetworkNamespace("ebpf-demo-" + id + "-rx");
            try
            {
                Sender = new NetworkNamespace("ebpf-demo-" + id + "-tx");
                VethBetweenNamespaces.Create(
                    Receiver, Interface, ReceiverAddress + "/24", Sender, PeerInterface, new[] { SenderAddress + "/24", BlockedAddress + "/24" }, staticNeighbours: false);
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        /// <summary>The namespace holding <see cref="Interface"/>; CLI commands run in it.</summary>
        public NetworkNamespace Receiver { get; }

        /// <summary>The namespace holding <see cref="PeerInterface"/>; traffic comes from it.</summary>
        public NetworkNamespace? Sender { get; }

        /// <summary>The interface the root array attaches to.</summary>
        public string Interface { get; }

        /// <summary>The sender's end of the pair.</summary>
        public string PeerInterface { get; }

        /// <summary>Builds the network with a fresh random id (6 hex digits, so interface names stay under 16 bytes).</summary>
        public static DemoNetwork Create() => new(Guid.NewGuid().ToString("N").Substring(0, 6));

        /// <summary>Sends <paramref name="count"/> UDP datagrams of <paramref name="size"/> bytes from <paramref name="source"/> to the receiver's port 9.</summary>
        /// <remarks>The socket is created on this thread inside the sender's namespace. A datagram above the 1500-byte MTU is
        /// fragmented by the sender's kernel (the socket does not set DF).</remarks>
        public void SendUdp(string source, int count, int size)
        {
            using (Sender!.Enter())
            using (var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
                socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.DontFragment, false);
                var target = new IPEndPoint(IPAddress.Parse(ReceiverAddress), 9);
                byte[] payload = new byte[size];
                for (int i = 0; i < count; i++)
                {
                    payload[0] = (byte)i;
                    socket.SendTo(payload, target);
                }
            }
        }

        /// <summary>Deletes both namespaces.</summary>
        public void Dispose()
        {
            Sender?.Dispose();
            Receiver.Dispose();
        }
    }
}

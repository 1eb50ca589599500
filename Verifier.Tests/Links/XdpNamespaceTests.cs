using System;
using Ebpf.Asm;
using Ebpf.Loader.Links;
using Ebpf.Loader.Loading;
using Ebpf.Loader.Maps;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Links
{
    /// <summary>End to end: an XDP program on a veth end inside a private namespace sees what the peer namespace sends.</summary>
    public sealed class XdpNamespaceTests : KernelTest
    {
        // Counts IPv4 UDP frames to port 9 in packets[0] and passes everything.
        private const string CountUdpToDiscard = @"
    r2 = *(u32 *)(r1 + 0)           ; data
    r3 = *(u32 *)(r1 + 4)           ; data_end
    r4 = r2
    r4 += 42                        ; Ethernet + IPv4 (no options) + UDP
    if r4 > r3 goto pass
    r4 = *(u16 *)(r2 + 12)
    if r4 != 0x0008 goto pass       ; EtherType 0x0800, read little endian
    r4 = *(u8 *)(r2 + 23)
    if r4 != 17 goto pass           ; UDP
    r4 = *(u16 *)(r2 + 36)
    if r4 != 0x0900 goto pass       ; destination port 9, read little endian
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r2 = r10
    r2 += -4
    r1 = map[packets] ll
    call 1
    if r0 == 0 goto pass
    r1 = 1
    lock *(u64 *)(r0 + 0) += r1
pass:
    r0 = 2                          ; XDP_PASS
    exit
";

        [Theory]
        [InlineData(XdpMode.Generic)]
        [InlineData(XdpMode.Native)]
        public void Udp_sent_from_the_peer_namespace_is_counted_by_the_attached_program(XdpMode mode)
        {
            using var receiver = new NetworkNamespace();
            using var sender = new NetworkNamespace();
            string stem = "em" + Guid.NewGuid().ToString("N").Substring(0, 8);
            receiver.Check("ip", "link", "add", stem + "a", "type", "veth", "peer", "name", stem + "b", "netns", sender.Name);
            receiver.Check("ip", "addr", "add", "10.231.0.1/24", "dev", stem + "a");
            receiver.Check("ip", "link", "set", stem + "a", "up");
            sender.Check("ip", "addr", "add", "10.231.0.2/24", "dev", stem + "b");
            sender.Check("ip", "link", "set", stem + "b", "up");

            var image = new CollectionImage(
                new[] { new MapDefinition("packets", MapType.Array, 4, 8, 1) },
                new[] { AsmPrograms.FromText(CountUdpToDiscard, "count_udp9", ProgramType.Xdp) });
            using LoadedCollection loaded = Collection.Load(image);
            BpfLink link;
            using (receiver.Enter())
            {
                link = BpfLink.AttachXdp(loaded.Program("count_udp9"), stem + "a", mode);
            }

            using (link)
            {
                for (int i = 0; i < 3; i++)
                {
                    sender.Check("bash", "-c", "echo probe > /dev/udp/10.231.0.1/9");
                }

                var packets = new ArrayView<ulong>(loaded.Map("packets"));
                DateTime deadline = DateTime.UtcNow.AddSeconds(3); // the first datagram waits for ARP
                while (packets[0] < 3 && DateTime.UtcNow < deadline)
                {
                    System.Threading.Thread.Sleep(20);
                }

                Assert.Contains(mode == XdpMode.Native ? "xdp " : "xdpgeneric ", receiver.Check("ip", "link", "show", stem + "a"));
                Assert.Equal(3ul, packets[0]);
            }
        }
    }
}

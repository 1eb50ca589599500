using System;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Loader.Loading;
using Ebpf.Loader.Maps;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Maps
{
    public sealed class RingBufferTests : KernelTest
    {
        // Copies the first 14 bytes of the packet (the Ethernet header) to the stack and emits them as one record
        // via bpf_ringbuf_output (130); helpers may not read packet memory directly.
        private const string EmitHeader = @"
    r2 = *(u32 *)(r1 + 0)           ; data
    r3 = *(u32 *)(r1 + 4)           ; data_end
    r4 = r2
    r4 += 16
    if r4 > r3 goto done
    r5 = *(u64 *)(r2 + 0)
    *(u64 *)(r10 - 16) = r5
    r5 = *(u64 *)(r2 + 8)
    *(u64 *)(r10 - 8) = r5
    r1 = map[events] ll
    r2 = r10
    r2 += -16
    r3 = 14
    r4 = 0
    call 130                        ; bpf_ringbuf_output(events, stack copy, 14, 0)
done:
    r0 = 2
    exit
";
        [Fact]
        public void Records_written_by_a_program_are_read_in_order_and_consumed_once()
        {
            var image = new CollectionImage(
                new[] { new MapDefinition("events", MapType.RingBuffer, 0, 0, 4096 * 4) },
                new[] { AsmPrograms.FromText(EmitHeader, "emit_header", ProgramType.Xdp) });
            using LoadedCollection loaded = Collection.Load(image);
            using var ring = new RingBufferView(loaded.Map("events"));
            bool readyBefore = ring.WaitForData(TimeSpan.Zero);
            byte[] frame = Packets.Ipv4Udp();

            loaded.Program("emit_header").TestRun(frame, repeat: 3);
            bool ready = ring.WaitForData(TimeSpan.FromSeconds(1));
            var records = ring.ReadAvailable();

            Assert.False(readyBefore);
            Assert.True(ready);
            Assert.Equal(3, records.Count);
            Assert.All(records, record => Assert.Equal(frame.Take(14), record));
            Assert.Equal(0, ring.Pending);
            Assert.Empty(ring.ReadAvailable());
        }

        [Fact]
        public void Records_that_wrap_around_the_end_read_as_one_span()
        {
            var image = new CollectionImage(
                new[] { new MapDefinition("events", MapType.RingBuffer, 0, 0, 4096) },
                new[] { AsmPrograms.FromText(EmitHeader, "emit_header", ProgramType.Xdp) });
            using LoadedCollection loaded = Collection.Load(image);
            using var ring = new RingBufferView(loaded.Map("events"));
            byte[] frame = Packets.Ipv4Udp();
            int total = 0;

            for (int round = 0; round < 10; round++)
            {
                loaded.Program("emit_header").TestRun(frame, repeat: 100); // 100 × 24 bytes per round: wraps 4096 several times
                total += ring.Consume(record => Assert.Equal(frame.AsSpan(0, 14).ToArray(), record.ToArray()));
            }

            Assert.Equal(1000, total);
        }

        [Fact]
        public void A_disposed_view_refuses_use_instead_of_reading_unmapped_memory()
        {
            using BpfMap map = BpfMap.Create(new MapDefinition("events", MapType.RingBuffer, 0, 0, 4096));
            var ring = new RingBufferView(map);

            ring.Dispose();
            ring.Dispose();

            Assert.Throws<ObjectDisposedException>(() => ring.Pending);
            Assert.Throws<ObjectDisposedException>(() => ring.ReadAvailable());
        }
    }
}

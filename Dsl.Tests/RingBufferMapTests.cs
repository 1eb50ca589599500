using System;
using Ebpf.Dsl.Maps;
using Xunit;

namespace Ebpf.Dsl.Tests
{
    public class RingBufferMapTests
    {
        [Fact]
        public void RecordsArriveInReservationOrderAndDiscardsAreSkipped()
        {
            var ring = new RingBufferMap(sizeBytes: 4096);
            var first = ring.Reserve<ulong>()!;
            var second = ring.Reserve<ulong>()!;
            Assert.Equal(0, ring.Output(3UL));
            second.Value = 2;
            second.Submit();
            Assert.Null(ring.TryConsume());

            first.Value = 1;
            first.Discard();
            Assert.Equal(2UL, BitConverter.ToUInt64(ring.TryConsume()));
            Assert.Equal(3UL, BitConverter.ToUInt64(ring.TryConsume()));
            Assert.Null(ring.TryConsume());
        }

        [Fact]
        public void FullRingRefusesUntilConsumed()
        {
            var ring = new RingBufferMap(sizeBytes: 4096);
            int fits = 4096 / (8 + 16);
            for (int i = 0; i < fits; i++)
            {
                Assert.Equal(0, ring.Output(((ulong)i, (ulong)i)));
            }

            Assert.Null(ring.Reserve<(ulong, ulong)>());
            Assert.Equal(-Errno.EAGAIN, ring.Output((1UL, 2UL)));
            Assert.NotNull(ring.TryConsume());
            Assert.Equal(0, ring.Output((1UL, 2UL)));
        }

        [Fact]
        public void RecordsAreRoundedToEightBytes()
        {
            var ring = new RingBufferMap(sizeBytes: 4096);
            for (int i = 0; i < (4096 / 16) - 1; i++)
            {
                Assert.Equal(0, ring.Output((byte)i));
            }

            Assert.Equal(-Errno.EAGAIN, ring.Output((byte)0));
            Assert.Single(ring.TryConsume()!);
        }

        [Fact]
        public void SizeMustBeAPowerOfTwoPages()
        {
            Assert.Throws<ArgumentException>(() => new RingBufferMap(sizeBytes: 4096 * 3));
            Assert.Throws<ArgumentException>(() => new RingBufferMap(sizeBytes: 1024));
        }

        [Fact]
        public void RecordCannotBeUsedAfterSubmit()
        {
            var ring = new RingBufferMap(sizeBytes: 4096);
            var record = ring.Reserve<uint>()!;
            record.Submit();
            Assert.Throws<InvalidOperationException>(() => record.Value = 1);
            Assert.Throws<InvalidOperationException>(() => record.Discard());
        }
    }
}

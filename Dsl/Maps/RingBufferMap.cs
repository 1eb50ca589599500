using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ebpf.Asm;

namespace Ebpf.Dsl.Maps
{
    /// <summary>
    /// A multi-producer, single-consumer ring of variable-size records from programs to user space, declared as a
    /// static field: <c>static readonly RingBufferMap Samples = new(sizeBytes: 256 * 1024);</c>.
    /// </summary>
    /// <remarks>
    /// Kernel: BPF_MAP_TYPE_RINGBUF, since 5.8. Each record takes an 8-byte header plus its size rounded up to 8 bytes;
    /// a reservation fails when the records not yet consumed would then take the whole ring (at most size − 1 bytes
    /// may be in use). Records reach the consumer in
    /// reservation order, and one not yet submitted holds back those after it.
    /// </remarks>
    public sealed class RingBufferMap
    {
        private const int HeaderSize = 8;
        private const int PageSize = 4096;
        private readonly Queue<RingBufferSlot> _slots = new();
        private long _used;

        /// <summary>Declares the map.</summary>
        /// <param name="sizeBytes">The ring size: a power of two and a multiple of the page size (4096).</param>
        /// <param name="pinning">Whether the loader pins the map by name.</param>
        public RingBufferMap(int sizeBytes, MapPinning pinning = MapPinning.None)
        {
            if (sizeBytes < PageSize || (sizeBytes & (sizeBytes - 1)) != 0)
            {
                throw new ArgumentException("a ring buffer size is a power of two and a multiple of the page size", nameof(sizeBytes));
            }

            SizeBytes = sizeBytes;
            Pinning = pinning;
        }

        /// <summary>The ring size in bytes (max_entries).</summary>
        public int SizeBytes { get; }

        /// <summary>Whether the loader pins the map.</summary>
        public MapPinning Pinning { get; }

        /// <summary>Copies <paramref name="data"/> into the ring as one record.</summary>
        /// <typeparam name="T">The record type.</typeparam>
        /// <param name="data">The record.</param>
        /// <param name="flags">Wake-up control.</param>
        /// <returns>0, or -EAGAIN when the ring has no room.</returns>
        /// <remarks>Kernel: <c>bpf_ringbuf_output</c>, helper 130, since 5.8.</remarks>
        [HelperCall(130, "bpf_ringbuf_output", "5.8")]
        public long Output<T>(in T data, RingBufferFlags flags = RingBufferFlags.None)
            where T : unmanaged
        {
            var record = Reserve<T>();
            if (record is null)
            {
                return -Errno.EAGAIN;
            }

            record.Value = data;
            record.Submit(flags);
            return 0;
        }

        /// <summary>Reserves room for one <typeparamref name="T"/>, or returns null when the ring has no room.</summary>
        /// <typeparam name="T">The record type (its size is a constant, as the verifier demands).</typeparam>
        /// <returns>The reservation, or null.</returns>
        /// <remarks>Kernel: <c>bpf_ringbuf_reserve</c>, helper 131, since 5.8 (flags must be 0).</remarks>
        [HelperCall(131, "bpf_ringbuf_reserve", "5.8")]
        public RingBufferRecord<T>? Reserve<T>()
            where T : unmanaged
        {
            int size = Unsafe.SizeOf<T>();
            long footprint = HeaderSize + ((size + 7) & ~7);
            lock (_slots)
            {
                // The kernel keeps the producer at most size - 1 bytes ahead of the consumer.
                if (_used + footprint > SizeBytes - 1)
                {
                    return null;
                }

                _used += footprint;
                var slot = new RingBufferSlot(footprint);
                _slots.Enqueue(slot);
                return new RingBufferRecord<T>(this, slot);
            }
        }

        /// <summary>Takes the next record as user space would (skipping discarded ones), or null when none is ready.</summary>
        /// <returns>The record's bytes, or null.</returns>
        [ManagedOnly]
        public byte[]? TryConsume()
        {
            lock (_slots)
            {
                while (_slots.TryPeek(out var slot) && slot.State != RingBufferSlotState.Busy)
                {
                    _slots.Dequeue();
                    _used -= slot.Footprint;
                    if (slot.State == RingBufferSlotState.Committed)
                    {
                        return slot.Bytes;
                    }
                }

                return null;
            }
        }

        internal void Commit<T>(RingBufferSlot slot, ref T value, bool discard)
            where T : unmanaged
        {
            lock (_slots)
            {
                if (slot.State != RingBufferSlotState.Busy)
                {
                    throw new InvalidOperationException("ring buffer record submitted or discarded twice (the verifier rejects this)");
                }

                slot.Bytes = MemoryMarshal.AsBytes(new ReadOnlySpan<T>(ref value)).ToArray();
                slot.State = discard ? RingBufferSlotState.Discarded : RingBufferSlotState.Committed;
            }
        }
    }
}

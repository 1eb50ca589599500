using System;

namespace Ebpf.Dsl.Maps
{
    /// <summary>
    /// Space reserved in a <see cref="RingBufferMap"/> for one <typeparamref name="T"/>. Fill <see cref="Value"/>, then
    /// <see cref="Submit"/> or <see cref="Discard"/> it on every path (the verifier rejects a program that may leak a
    /// reservation, and so does the compiler).
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <remarks>Kernel: the PTR_TO_MEM (ref-tracked) that <c>bpf_ringbuf_reserve</c> returns.</remarks>
    public sealed class RingBufferRecord<T>
        where T : unmanaged
    {
        private readonly RingBufferMap _ring;
        private readonly RingBufferSlot _slot;
        private T _value;

        internal RingBufferRecord(RingBufferMap ring, RingBufferSlot slot)
        {
            _ring = ring;
            _slot = slot;
        }

        /// <summary>The reserved record, by reference (starts zeroed here; the kernel does not zero it).</summary>
        public ref T Value
        {
            get
            {
                if (_slot.State != RingBufferSlotState.Busy)
                {
                    throw new InvalidOperationException("ring buffer record used after submit or discard (the verifier rejects this)");
                }

                return ref _value;
            }
        }

        /// <summary>Makes the record visible to the consumer.</summary>
        /// <param name="flags">Wake-up control.</param>
        /// <remarks>Kernel: <c>bpf_ringbuf_submit</c>, helper 132, since 5.8.</remarks>
        [HelperCall(132, "bpf_ringbuf_submit", "5.8")]
        public void Submit(RingBufferFlags flags = RingBufferFlags.None) => _ring.Commit(_slot, ref _value, discard: false);

        /// <summary>Gives the space back; the consumer skips the record.</summary>
        /// <param name="flags">Wake-up control.</param>
        /// <remarks>Kernel: <c>bpf_ringbuf_discard</c>, helper 133, since 5.8.</remarks>
        [HelperCall(133, "bpf_ringbuf_discard", "5.8")]
        public void Discard(RingBufferFlags flags = RingBufferFlags.None) => _ring.Commit(_slot, ref _value, discard: true);
    }
}

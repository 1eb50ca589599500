using System;

namespace Ebpf.Dsl.Maps
{
    /// <summary>One record's place in a managed ring buffer: its footprint, state and (once committed) bytes.</summary>
    internal sealed class RingBufferSlot
    {
        public RingBufferSlot(long footprint)
        {
            Footprint = footprint;
        }

        public long Footprint { get; }

        public RingBufferSlotState State { get; set; } = RingBufferSlotState.Busy;

        public byte[] Bytes { get; set; } = Array.Empty<byte>();
    }
}

namespace Ebpf.Dsl.Maps
{
    /// <summary>Where a ring buffer record is in its life (the kernel's BPF_RINGBUF_BUSY_BIT / DISCARD_BIT).</summary>
    internal enum RingBufferSlotState
    {
        Busy,
        Committed,
        Discarded,
    }
}

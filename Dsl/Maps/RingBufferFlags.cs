using System;

namespace Ebpf.Dsl.Maps
{
    /// <summary>Wake-up control for ring buffer output, submit and discard.</summary>
    [Flags]
    public enum RingBufferFlags : ulong
    {
        /// <summary>Wake the consumer when it has caught up (adaptive).</summary>
        None = 0,
        /// <summary>Do not wake the consumer. Kernel: BPF_RB_NO_WAKEUP.</summary>
        NoWakeup = 1,
        /// <summary>Always wake the consumer. Kernel: BPF_RB_FORCE_WAKEUP.</summary>
        ForceWakeup = 2,
    }
}

using System.Runtime.InteropServices;

namespace Ebpf.Loader.Sys
{
    /// <summary>The BPF_MAP_*_BATCH part of <c>union bpf_attr</c> (56 bytes). Kernel 5.6+.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 56)]
    internal struct MapBatchAttr
    {
        [FieldOffset(0)] public ulong InBatch;
        [FieldOffset(8)] public ulong OutBatch;
        [FieldOffset(16)] public ulong Keys;
        [FieldOffset(24)] public ulong Values;
        [FieldOffset(32)] public uint Count;
        [FieldOffset(36)] public uint MapFd;
        [FieldOffset(40)] public ulong ElementFlags;
        [FieldOffset(48)] public ulong Flags;
    }
}

using System.Runtime.InteropServices;

namespace Ebpf.Loader.Sys
{
    /// <summary>
    /// The BPF_MAP_*_ELEM / BPF_MAP_GET_NEXT_KEY / BPF_MAP_FREEZE part of <c>union bpf_attr</c> (32 bytes).
    /// <see cref="Value"/> doubles as next_key.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 32)]
    internal struct MapElementAttr
    {
        [FieldOffset(0)] public uint MapFd;
        [FieldOffset(8)] public ulong Key;
        [FieldOffset(16)] public ulong Value;
        [FieldOffset(24)] public ulong Flags;
    }
}

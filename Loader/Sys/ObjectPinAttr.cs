using System.Runtime.InteropServices;

namespace Ebpf.Loader.Sys
{
    /// <summary>The BPF_OBJ_PIN / BPF_OBJ_GET part of <c>union bpf_attr</c> (24 bytes).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 24)]
    internal struct ObjectPinAttr
    {
        [FieldOffset(0)] public ulong PathName;
        [FieldOffset(8)] public uint BpfFd;
        [FieldOffset(12)] public uint FileFlags;
        [FieldOffset(16)] public int PathFd;
    }
}

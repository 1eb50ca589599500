using System.Runtime.InteropServices;

namespace Ebpf.Loader.Sys
{
    /// <summary>The BPF_OBJ_GET_INFO_BY_FD part of <c>union bpf_attr</c> (16 bytes).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 16)]
    internal struct ObjectInfoAttr
    {
        [FieldOffset(0)] public uint BpfFd;
        [FieldOffset(4)] public uint InfoLength;
        [FieldOffset(8)] public ulong Info;
    }
}

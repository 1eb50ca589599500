using System.Runtime.InteropServices;

namespace Ebpf.Loader.Sys
{
    /// <summary>The BPF_LINK_UPDATE part of <c>union bpf_attr</c> (16 bytes). Kernel 5.7+.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 16)]
    internal struct LinkUpdateAttr
    {
        [FieldOffset(0)] public uint LinkFd;
        [FieldOffset(4)] public uint NewProgramFd;
        [FieldOffset(8)] public uint Flags;
        [FieldOffset(12)] public uint OldProgramFd;
    }
}

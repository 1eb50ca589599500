using System.Runtime.InteropServices;

namespace Ebpf.Loader.Sys
{
    /// <summary>The BPF_LINK_DETACH part of <c>union bpf_attr</c> (link_fd; 8 bytes). Kernel 5.9+.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 8)]
    internal struct LinkDetachAttr
    {
        [FieldOffset(0)] public uint LinkFd;
    }
}

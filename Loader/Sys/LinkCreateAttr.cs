using System.Runtime.InteropServices;

namespace Ebpf.Loader.Sys
{
    /// <summary>
    /// The BPF_LINK_CREATE part of <c>union bpf_attr</c>: prog_fd, target_fd (alias target_ifindex),
    /// attach_type, flags, then the per-type union (left zero here; 48 bytes in all). Kernel 5.7+.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 48)]
    internal struct LinkCreateAttr
    {
        [FieldOffset(0)] public uint ProgramFd;
        [FieldOffset(4)] public uint Target;
        [FieldOffset(8)] public uint AttachType;
        [FieldOffset(12)] public uint Flags;
    }
}

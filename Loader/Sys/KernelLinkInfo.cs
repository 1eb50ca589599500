using System.Runtime.InteropServices;

namespace Ebpf.Loader.Sys
{
    /// <summary>
    /// <c>struct bpf_link_info</c>: type, id, prog_id, then a per-type union at offset 16
    /// (cgroup: cgroup_id u64, attach_type u32; xdp: ifindex u32). 64 bytes here.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 64)]
    internal struct KernelLinkInfo
    {
        [FieldOffset(0)] public uint Type;
        [FieldOffset(4)] public uint Id;
        [FieldOffset(8)] public uint ProgramId;
        [FieldOffset(16)] public ulong Union0;
        [FieldOffset(24)] public uint Union8;
    }
}

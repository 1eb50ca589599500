using System.Runtime.InteropServices;

namespace Ebpf.Loader.Sys
{
    /// <summary>
    /// The BPF_*_GET_NEXT_ID / BPF_*_GET_FD_BY_ID part of <c>union bpf_attr</c> (12 bytes):
    /// start_id (alias prog_id, map_id, link_id), next_id, open_flags.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 12)]
    internal struct ObjectIdAttr
    {
        [FieldOffset(0)] public uint Id;
        [FieldOffset(4)] public uint NextId;
        [FieldOffset(8)] public uint OpenFlags;
    }
}

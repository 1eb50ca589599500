namespace Ebpf.Loader.Sys
{
    /// <summary>BPF_OBJ_GET_INFO_BY_FD into one of the kernel's info structs.</summary>
    internal static unsafe class ObjectInfoReader
    {
        /// <summary>Fills <paramref name="info"/> (whose pointer fields the caller may have set) for <paramref name="fd"/>.</summary>
        public static void Read<TInfo>(BpfFd fd, ref TInfo info)
            where TInfo : unmanaged
        {
            fixed (TInfo* pointer = &info)
            {
                using BpfFdLease lease = fd.Lease();
                var attr = new ObjectInfoAttr
                {
                    BpfFd = lease.Number,
                    InfoLength = (uint)sizeof(TInfo),
                    Info = (ulong)pointer,
                };
                BpfSyscall.Invoke(BpfCommand.ObjGetInfoByFd, ref attr);
            }
        }
    }
}

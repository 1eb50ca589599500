using System;
using System.Collections.Generic;
using Ebpf.Loader.Links;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Sys;

namespace Ebpf.Loader.Programs
{
    /// <summary>
    /// Every program, map and link the kernel holds, by walking ids (BPF_*_GET_NEXT_ID) and opening each
    /// (BPF_*_GET_FD_BY_ID). Objects that vanish between the two steps are skipped. Needs CAP_SYS_ADMIN.
    /// </summary>
    public static class KernelObjects
    {
        /// <summary>All loaded programs. Kernel: BPF_PROG_GET_NEXT_ID, since 4.13.</summary>
        public static IReadOnlyList<ProgramInfo> Programs() =>
            Walk(BpfCommand.ProgGetNextId, BpfCommand.ProgGetFdById, BpfProgram.ReadInfo);

        /// <summary>All maps. Kernel: BPF_MAP_GET_NEXT_ID, since 4.13.</summary>
        public static IReadOnlyList<MapInfo> Maps() =>
            Walk(BpfCommand.MapGetNextId, BpfCommand.MapGetFdById, BpfMap.ReadInfo);

        /// <summary>All links. Kernel: BPF_LINK_GET_NEXT_ID, since 5.8.</summary>
        public static IReadOnlyList<LinkInfo> Links() =>
            Walk(BpfCommand.LinkGetNextId, BpfCommand.LinkGetFdById, BpfLink.ReadInfo);

        private static IReadOnlyList<TInfo> Walk<TInfo>(BpfCommand nextId, BpfCommand fdById, Func<BpfFd, TInfo> read)
        {
            var found = new List<TInfo>();
            uint id = 0;
            while (true)
            {
                var next = new ObjectIdAttr { Id = id };
                long result = BpfSyscall.TryInvoke(nextId, ref next);
                if (result == -Errno.ENOENT)
                {
                    return found;
                }

                if (result < 0)
                {
                    throw BpfException.For(nextId, (int)-result);
                }

                id = next.NextId;
                var open = new ObjectIdAttr { Id = id };
                long fd = BpfSyscall.TryInvoke(fdById, ref open);
                if (fd == -Errno.ENOENT)
                {
                    continue; // gone between next-id and get-fd
                }

                if (fd < 0)
                {
                    throw BpfException.For(fdById, (int)-fd);
                }

                using BpfFd handle = BpfFd.Adopt((int)fd);
                found.Add(read(handle));
            }
        }
    }
}

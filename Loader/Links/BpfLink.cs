using System;
using System.IO;
using Ebpf.Asm;
using Ebpf.Loader.Features;
using Ebpf.Loader.Pinning;
using Ebpf.Loader.Programs;
using Ebpf.Loader.Sys;
using Tmds.Linux;

namespace Ebpf.Loader.Links
{
    /// <summary>
    /// An attachment of a program to a hook that lives as long as its fd or its pin: closing the last
    /// reference detaches the program. Kernel: bpf_link, since 5.7 (cgroup), 5.9 (XDP).
    /// </summary>
    public sealed class BpfLink : IDisposable
    {
        private const uint BpfFReplace = 4;

        private BpfLink(BpfFd fd)
        {
            Fd = fd;
        }

        /// <summary>The fd that keeps the link alive.</summary>
        public BpfFd Fd { get; }

        /// <summary>Attaches an XDP program to interface <paramref name="interfaceName"/>.</summary>
        public static BpfLink AttachXdp(BpfProgram program, string interfaceName, XdpMode mode = XdpMode.Default) =>
            AttachXdp(program, NetworkInterfaces.IndexOf(interfaceName), mode, interfaceName);

        /// <summary>Attaches an XDP program to interface index <paramref name="interfaceIndex"/>. Kernel: BPF_LINK_CREATE with BPF_XDP, since 5.9.</summary>
        public static BpfLink AttachXdp(BpfProgram program, int interfaceIndex, XdpMode mode = XdpMode.Default) =>
            AttachXdp(program, interfaceIndex, mode, $"ifindex {interfaceIndex}");

        /// <summary>
        /// Attaches a cgroup program (e.g. cgroup_skb with <see cref="AttachType.CgroupInetEgress"/>) to the cgroup v2
        /// directory <paramref name="cgroupPath"/>. Kernel: BPF_LINK_CREATE, since 5.7.
        /// </summary>
        public static BpfLink AttachCgroup(BpfProgram program, string cgroupPath, AttachType attachType)
        {
            if (program is null)
            {
                throw new ArgumentNullException(nameof(program));
            }

            int cgroup = OpenDirectory(cgroupPath);
            if (cgroup < 0)
            {
                int errno = LibC.errno;
                throw new IOException($"cannot open cgroup '{cgroupPath}': {ErrnoNames.Name(errno)} ({ErrnoNames.Describe(errno)})");
            }

            try
            {
                using BpfFdLease programFd = program.Fd.Lease();
                var attr = new LinkCreateAttr { ProgramFd = programFd.Number, Target = (uint)cgroup, AttachType = (uint)attachType };
                long result = BpfSyscall.TryInvoke(BpfCommand.LinkCreate, ref attr);
                if (result < 0)
                {
                    int errno = (int)-result;
                    throw new BpfException(BpfCommand.LinkCreate, errno, DescribeCgroupFailure(program, cgroupPath, attachType, errno));
                }

                return new BpfLink(BpfFd.Adopt((int)result));
            }
            finally
            {
                LibC.close(cgroup);
            }
        }

        /// <summary>Opens the link pinned at <paramref name="path"/>.</summary>
        public static BpfLink OpenPinned(string path) => new BpfLink(BpfFs.Get(path));

        /// <summary>Opens the link with kernel id <paramref name="id"/>. Kernel: BPF_LINK_GET_FD_BY_ID, since 5.8.</summary>
        public static BpfLink OpenById(uint id)
        {
            var attr = new ObjectIdAttr { Id = id };
            return new BpfLink(BpfSyscall.InvokeForFd(BpfCommand.LinkGetFdById, ref attr));
        }

        /// <summary>Pins the link so the attachment outlives this process.</summary>
        public void Pin(string path) => BpfFs.Pin(Fd, path);

        /// <summary>Removes the pin at <paramref name="path"/>; the link lives on while fds hold it.</summary>
        public static bool Unpin(string path) => BpfFs.Unpin(path);

        /// <summary>
        /// Atomically replaces the attached program; with <paramref name="expected"/> only if that one is still attached.
        /// Kernel: BPF_LINK_UPDATE, since 5.7.
        /// </summary>
        public void Update(BpfProgram program, BpfProgram? expected = null)
        {
            if (program is null)
            {
                throw new ArgumentNullException(nameof(program));
            }

            using BpfFdLease programFd = program.Fd.Lease();
            using BpfFdLease link = Fd.Lease();
            using BpfFdLease oldProgramFd = expected is null ? default : expected.Fd.Lease();
            var attr = new LinkUpdateAttr
            {
                LinkFd = link.Number,
                NewProgramFd = programFd.Number,
                Flags = expected is null ? 0 : BpfFReplace,
                OldProgramFd = oldProgramFd.Number,
            };
            long result = BpfSyscall.TryInvoke(BpfCommand.LinkUpdate, ref attr);
            if (result < 0)
            {
                int errno = (int)-result;
                string detail = errno switch
                {
                    Errno.EPERM when expected is not null => $"program '{expected.Name}' is no longer the attached one",
                    Errno.ENOLINK => "the link was detached",
                    Errno.EINVAL => $"program '{program.Name}' ({program.Type}, {program.ExpectedAttachType?.ToString() ?? "no expected_attach_type"}) does not fit this link",
                    _ => $"link {Fd}: update to program '{program.Name}' refused",
                };
                throw new BpfException(BpfCommand.LinkUpdate, errno, detail);
            }
        }

        /// <summary>Detaches the program now; the link object stays (defunct) until closed. Kernel: BPF_LINK_DETACH, since 5.9.</summary>
        public void Detach()
        {
            using BpfFdLease link = Fd.Lease();
            var attr = new LinkDetachAttr { LinkFd = link.Number };
            BpfSyscall.Invoke(BpfCommand.LinkDetach, ref attr);
        }

        /// <summary>Reads the link's info. Kernel: BPF_OBJ_GET_INFO_BY_FD.</summary>
        public LinkInfo Info() => ReadInfo(Fd);

        /// <summary>Reads the info of the link behind <paramref name="fd"/>.</summary>
        public static LinkInfo ReadInfo(BpfFd fd)
        {
            var info = default(KernelLinkInfo);
            ObjectInfoReader.Read(fd, ref info);
            var type = (LinkType)info.Type;
            return new LinkInfo(
                info.Id,
                type,
                info.ProgramId,
                type == LinkType.Xdp ? (int)(uint)info.Union0 : 0,
                type == LinkType.Cgroup ? info.Union0 : 0,
                type == LinkType.Cgroup ? (AttachType)info.Union8 : null);
        }

        /// <summary>Closes this process's reference; the program detaches unless the link is pinned or held elsewhere.</summary>
        public void Dispose() => Fd.Dispose();

        private static unsafe int OpenDirectory(string path)
        {
            fixed (byte* name = System.Text.Encoding.UTF8.GetBytes(path + "\0"))
            {
                return LibC.open(name, LibC.O_RDONLY | LibC.O_DIRECTORY | LibC.O_CLOEXEC);
            }
        }

        private static BpfLink AttachXdp(BpfProgram program, int interfaceIndex, XdpMode mode, string interfaceName)
        {
            if (program is null)
            {
                throw new ArgumentNullException(nameof(program));
            }

            using BpfFdLease programFd = program.Fd.Lease();
            var attr = new LinkCreateAttr { ProgramFd = programFd.Number, Target = (uint)interfaceIndex, AttachType = (uint)AttachType.Xdp, Flags = (uint)mode };
            long result = BpfSyscall.TryInvoke(BpfCommand.LinkCreate, ref attr);
            if (result < 0)
            {
                int errno = (int)-result;
                throw new BpfException(BpfCommand.LinkCreate, errno, DescribeXdpFailure(program, interfaceName, mode, errno));
            }

            return new BpfLink(BpfFd.Adopt((int)result));
        }

        private static string DescribeXdpFailure(BpfProgram program, string interfaceName, XdpMode mode, int errno)
        {
            if (!KernelVersion.AtLeast(5, 9) && (errno == Errno.EINVAL || errno == Errno.E2BIG))
            {
                return $"kernel {KernelVersion.Current} lacks BPF_LINK_TYPE_XDP (5.9+)";
            }

            return errno switch
            {
                Errno.EBUSY or Errno.EEXIST => $"another XDP program is already attached to {interfaceName}",
                Errno.EOPNOTSUPP => $"{interfaceName} does not support XDP in {mode} mode (try generic)",
                Errno.EINVAL => $"program '{program.Name}' ({program.Type}) cannot be attached to {interfaceName} in {mode} mode " +
                                "(not an XDP program, expected_attach_type is not BPF_XDP, or conflicting mode flags)",
                Errno.ENODEV => $"no interface {interfaceName}",
                _ => $"{interfaceName}: {ErrnoNames.LikelyCause(BpfCommand.LinkCreate, errno) ?? "attach failed"}",
            };
        }

        private static string DescribeCgroupFailure(BpfProgram program, string cgroupPath, AttachType attachType, int errno)
        {
            if (!KernelVersion.AtLeast(5, 7) && (errno == Errno.EINVAL || errno == Errno.E2BIG))
            {
                return $"kernel {KernelVersion.Current} lacks BPF_LINK_TYPE_CGROUP (5.7+)";
            }

            return errno switch
            {
                Errno.EINVAL => $"program '{program.Name}' ({program.Type}, expected_attach_type {program.ExpectedAttachType?.ToString() ?? "none"}) cannot attach as {attachType}",
                Errno.EBADF => $"'{cgroupPath}' is not a cgroup v2 directory",
                _ => $"{cgroupPath}: {ErrnoNames.LikelyCause(BpfCommand.LinkCreate, errno) ?? "attach failed"}",
            };
        }
    }
}

using System;
using System.Runtime.InteropServices;
using Tmds.Linux;

namespace Ebpf.Loader.Sys
{
    /// <summary>
    /// Owns one file descriptor that the kernel handed out for a BPF object (map, program, link, BTF).
    /// Never holds fd 0: an fd 0 is moved to a higher number first, because the kernel reads 0 in many
    /// attrs as "none".
    /// </summary>
    public sealed class BpfFd : SafeHandle
    {
        private const int FDupFdCloexec = 1030; // F_DUPFD_CLOEXEC

        private BpfFd(int fd)
            : base(new IntPtr(-1), ownsHandle: true)
        {
            SetHandle(new IntPtr(fd));
        }

        /// <summary>The raw descriptor number; valid while this object is alive and not disposed.</summary>
        public int Value
        {
            get
            {
                if (IsClosed)
                {
                    throw new ObjectDisposedException(nameof(BpfFd));
                }

                return (int)handle;
            }
        }

        /// <inheritdoc />
        public override bool IsInvalid => handle.ToInt64() < 0;

        /// <summary>Takes ownership of <paramref name="fd"/> (moving it off 0 if needed).</summary>
        public static BpfFd Adopt(int fd)
        {
            if (fd < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(fd), fd, "not a file descriptor");
            }

            if (fd == 0)
            {
                int moved = LibC.fcntl(0, FDupFdCloexec, 3);
                int error = LibC.errno;
                LibC.close(0);
                if (moved < 0)
                {
                    throw new BpfException(BpfCommand.ObjGet, error, "could not move fd 0 to a higher number");
                }

                fd = moved;
            }

            return new BpfFd(fd);
        }

        /// <summary>Duplicates the descriptor (close-on-exec); the copy refers to the same kernel object.</summary>
        public BpfFd Duplicate()
        {
            int copy = LibC.fcntl(Value, FDupFdCloexec, 3);
            if (copy < 0)
            {
                throw new BpfException(BpfCommand.ObjGet, LibC.errno, "fcntl(F_DUPFD_CLOEXEC) failed");
            }

            return new BpfFd(copy);
        }

        /// <inheritdoc />
        public override string ToString() => IsClosed ? "fd(closed)" : $"fd {(int)handle}";

        /// <inheritdoc />
        protected override bool ReleaseHandle() => LibC.close((int)handle) == 0;
    }
}

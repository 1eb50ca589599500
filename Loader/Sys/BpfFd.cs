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

        // Set by Dispose: the close may wait for outstanding leases, but no new lease or Value is handed out.
        private volatile bool disposeRequested;

        private BpfFd(int fd)
            : base(new IntPtr(-1), ownsHandle: true)
        {
            SetHandle(new IntPtr(fd));
        }

        /// <summary>
        /// The raw descriptor number; valid while this object is alive and not disposed. To pass the number to the
        /// kernel use <see cref="Lease"/> instead, which keeps the descriptor open until the call returns.
        /// </summary>
        public int Value
        {
            get
            {
                if (IsClosed || disposeRequested)
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

        /// <summary>
        /// Keeps the descriptor open until the returned lease is disposed, even if this handle is disposed or
        /// finalised meanwhile; use one around every system call that is given the number.
        /// </summary>
        /// <exception cref="ObjectDisposedException">The handle is closed or its disposal has begun.</exception>
        public BpfFdLease Lease()
        {
            var lease = new BpfFdLease(this);
            if (disposeRequested)
            {
                lease.Dispose();
                throw new ObjectDisposedException(nameof(BpfFd));
            }

            return lease;
        }

        /// <summary>Duplicates the descriptor (close-on-exec); the copy refers to the same kernel object.</summary>
        public BpfFd Duplicate()
        {
            using BpfFdLease lease = Lease();
            int copy = LibC.fcntl(lease.Value, FDupFdCloexec, 3);
            if (copy < 0)
            {
                throw new BpfException(BpfCommand.ObjGet, LibC.errno, "fcntl(F_DUPFD_CLOEXEC) failed");
            }

            return new BpfFd(copy);
        }

        /// <inheritdoc />
        public override string ToString() => IsClosed ? "fd(closed)" : $"fd {(int)handle}";

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            disposeRequested = true;
            base.Dispose(disposing);
        }

        /// <inheritdoc />
        protected override bool ReleaseHandle() => LibC.close((int)handle) == 0;
    }
}

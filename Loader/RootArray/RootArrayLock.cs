using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using Ebpf.Loader.Pinning;

namespace Ebpf.Loader.RootArray
{
    /// <summary>
    /// Serialises root array commands: an exclusive flock(2) on the /sys/fs/bpf/ebpf-managed directory itself
    /// (bpffs holds no regular files, but flock works on a directory fd). One lock for all interfaces: commands
    /// are short, and it also covers <c>status</c> of every interface.
    /// </summary>
    public sealed class RootArrayLock : IDisposable
    {
        private const int LockExclusive = 2;
        private const int LockNonBlocking = 4;
        private const int LockUnlock = 8;
        private const int OpenReadOnlyDirectoryCloseOnExec = 0x10000 | 0x80000; // O_RDONLY | O_DIRECTORY | O_CLOEXEC

        private int fd;

        private RootArrayLock(int fd)
        {
            this.fd = fd;
        }

        /// <summary>Takes the lock, waiting up to <paramref name="timeout"/>; mounts bpffs and creates the directory when needed.</summary>
        /// <exception cref="IOException">The lock could not be taken in time, or the directory not opened.</exception>
        public static RootArrayLock Acquire(TimeSpan timeout)
        {
            BpfFs.CreateDirectory(RootArrayPaths.Root);
            int fd = Open(RootArrayPaths.Root, OpenReadOnlyDirectoryCloseOnExec);
            if (fd < 0)
            {
                throw new IOException($"cannot open {RootArrayPaths.Root}: errno {Marshal.GetLastPInvokeError()}");
            }

            var clock = Stopwatch.StartNew();
            while (Flock(fd, LockExclusive | LockNonBlocking) != 0)
            {
                if (clock.Elapsed >= timeout)
                {
                    Close(fd);
                    throw new IOException($"another ebpf-managed command holds the lock on {RootArrayPaths.Root} (waited {timeout.TotalSeconds:0} s)");
                }

                Thread.Sleep(20);
            }

            return new RootArrayLock(fd);
        }

        /// <summary>Releases the lock.</summary>
        public void Dispose()
        {
            int held = Interlocked.Exchange(ref fd, -1);
            if (held >= 0)
            {
                Flock(held, LockUnlock);
                Close(held);
            }
        }

        [DllImport("libc", SetLastError = true, EntryPoint = "open")]
        private static extern int Open(string path, int flags);

        [DllImport("libc", SetLastError = true, EntryPoint = "flock")]
        private static extern int Flock(int fd, int operation);

        [DllImport("libc", SetLastError = true, EntryPoint = "close")]
        private static extern int Close(int fd);
    }
}

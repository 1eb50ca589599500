using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Ebpf.Loader.Sys;

namespace Ebpf.Loader.Pinning
{
    /// <summary>
    /// The BPF file system, where maps, programs and links are pinned so they outlive this process.
    /// </summary>
    /// <remarks>Kernel: BPF_OBJ_PIN / BPF_OBJ_GET, since 4.4. bpffs is often not mounted on fresh machines.</remarks>
    public static class BpfFs
    {
        /// <summary>Where bpffs is conventionally mounted.</summary>
        public const string DefaultRoot = "/sys/fs/bpf";

        /// <summary>Whether a bpffs is mounted exactly at <paramref name="mountPoint"/> (per /proc/mounts).</summary>
        public static bool IsMounted(string mountPoint = DefaultRoot)
        {
            string wanted = Path.GetFullPath(mountPoint).TrimEnd('/');
            foreach (string line in File.ReadAllLines("/proc/mounts"))
            {
                string[] fields = line.Split(' ');
                if (fields.Length >= 3 && fields[2] == "bpf" && fields[1].TrimEnd('/') == wanted)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Mounts bpffs at <paramref name="mountPoint"/> unless one is there. Returns true when it mounted.</summary>
        /// <exception cref="IOException">mount(2) failed (needs CAP_SYS_ADMIN), or the mount would be private to an
        /// <c>ip netns exec</c> command and vanish with it (<see cref="PrivateSysfs"/>).</exception>
        public static unsafe bool EnsureMounted(string mountPoint = DefaultRoot)
        {
            if (IsMounted(mountPoint))
            {
                return false;
            }

            string? privateSys = PrivateSysfs.NamespaceWithPrivateSys();
            if (privateSys is not null)
            {
                throw new IOException(
                    $"bpffs is not mounted at {mountPoint} here, and this /sys is private to network namespace '{privateSys}' " +
                    "(ip netns exec gives each command its own): a bpffs mounted here, and every pin in it, would vanish when this command exits. " +
                    $"Run it with 'nsenter --net=/var/run/netns/{privateSys} …' instead, which keeps the machine's /sys and bpffs");
            }

            Directory.CreateDirectory(mountPoint);
            if (LibCImports.Mount("bpf", mountPoint, "bpf", 0, null) != 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                throw new IOException($"mount -t bpf bpf {mountPoint} failed: {ErrnoNames.Name(errno)} ({ErrnoNames.Describe(errno)}); needs CAP_SYS_ADMIN");
            }

            return true;
        }

        /// <summary>Creates <paramref name="directory"/> and its parents inside bpffs (mkdir -p), mounting bpffs first if needed.</summary>
        public static void CreateDirectory(string directory)
        {
            MountIfUnderDefaultRoot(directory);
            Directory.CreateDirectory(directory);
        }

        /// <summary>Pins the object behind <paramref name="fd"/> at <paramref name="path"/>; parent directories are created.</summary>
        public static unsafe void Pin(BpfFd fd, string path)
        {
            MountIfUnderDefaultRoot(path);
            string? parent = Path.GetDirectoryName(Path.GetFullPath(path));
            if (parent is not null)
            {
                Directory.CreateDirectory(parent);
            }

            fixed (byte* name = PathBytes(path))
            {
                using BpfFdLease pinned = fd.Lease();
                var attr = new ObjectPinAttr { PathName = (ulong)name, BpfFd = pinned.Number };
                long result = BpfSyscall.TryInvoke(BpfCommand.ObjPin, ref attr);
                if (result < 0)
                {
                    int errno = (int)-result;
                    throw BpfException.For(BpfCommand.ObjPin, errno, path);
                }
            }
        }

        /// <summary>Opens the object pinned at <paramref name="path"/>. Kernel: BPF_OBJ_GET.</summary>
        public static unsafe BpfFd Get(string path)
        {
            fixed (byte* name = PathBytes(path))
            {
                var attr = new ObjectPinAttr { PathName = (ulong)name };
                long result = BpfSyscall.TryInvoke(BpfCommand.ObjGet, ref attr);
                if (result < 0)
                {
                    int errno = (int)-result;
                    throw BpfException.For(BpfCommand.ObjGet, errno, path);
                }

                return BpfFd.Adopt((int)result);
            }
        }

        /// <summary>Whether something is pinned (or a directory exists) at <paramref name="path"/>.</summary>
        public static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

        /// <summary>Removes the pin at <paramref name="path"/> (the object lives on while fds or links hold it). False when absent.</summary>
        public static bool Unpin(string path)
        {
            if (!File.Exists(path))
            {
                return false;
            }

            File.Delete(path);
            return true;
        }

        /// <summary>Removes a pin directory with every pin and directory beneath it.</summary>
        public static void RemoveDirectory(string directory)
        {
            MountIfUnderDefaultRoot(directory);
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        private static byte[] PathBytes(string path) => Encoding.UTF8.GetBytes(path + "\0");

        private static void MountIfUnderDefaultRoot(string path)
        {
            string full = Path.GetFullPath(path);
            if (full == DefaultRoot || full.StartsWith(DefaultRoot + "/", StringComparison.Ordinal))
            {
                EnsureMounted(DefaultRoot);
            }
        }
    }
}

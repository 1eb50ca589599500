using System;
using System.IO;
using System.Linq;

namespace Ebpf.Loader.Pinning
{
    /// <summary>
    /// Detects the one place where mounting bpffs silently loses everything: a command started with
    /// <c>ip netns exec NAME …</c>. That gives the command a private mount namespace with a fresh sysfs on /sys (so
    /// /sys/class/net shows the namespace's interfaces), which dies with the command: a bpffs mounted there, and every
    /// pin in it, vanish when the command exits, and a link pinned there detaches.
    /// </summary>
    /// <remarks>
    /// The check: the calling thread's network namespace is a named one (one of /var/run/netns/*), and the interfaces
    /// sysfs lists are exactly the ones this namespace has (/proc/thread-self/net/dev), so /sys was mounted for this
    /// namespace. Under <c>nsenter --net=/var/run/netns/NAME</c> /sys is still the machine's, and mounting is safe.
    /// </remarks>
    public static class PrivateSysfs
    {
        /// <summary>The name of the named network namespace whose private /sys this process sees, or null.</summary>
        public static string? NamespaceWithPrivateSys()
        {
            try
            {
                string? name = NamedNetworkNamespace();
                if (name is null || !Directory.Exists("/sys/class/net"))
                {
                    return null;
                }

                string[] sysfs = Directory.GetDirectories("/sys/class/net").Select(Path.GetFileName).OfType<string>().OrderBy(n => n, StringComparer.Ordinal).ToArray();
                string[] kernel = File.ReadAllLines("/proc/thread-self/net/dev").Skip(2)
                    .Select(line => line.Split(':')[0].Trim()).Where(n => n.Length > 0).OrderBy(n => n, StringComparer.Ordinal).ToArray();
                return sysfs.SequenceEqual(kernel, StringComparer.Ordinal) ? name : null;
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
        }

        /// <summary>The /var/run/netns name of the calling thread's network namespace, or null when it has none.</summary>
        private static string? NamedNetworkNamespace()
        {
            const string directory = "/var/run/netns";
            if (!Directory.Exists(directory))
            {
                return null;
            }

            (ulong Device, ulong Inode)? current = Identity("/proc/thread-self/ns/net");
            if (current is null)
            {
                return null;
            }

            foreach (string file in Directory.GetFiles(directory))
            {
                if (Identity(file) == current)
                {
                    return Path.GetFileName(file);
                }
            }

            return null;
        }

        private static unsafe (ulong Device, ulong Inode)? Identity(string path)
        {
            Tmds.Linux.stat status;
            byte[] name = System.Text.Encoding.UTF8.GetBytes(path + "\0");
            fixed (byte* pointer = name)
            {
                if (Tmds.Linux.LibC.stat(pointer, &status) != 0)
                {
                    return null;
                }
            }

            return ((ulong)status.st_dev, (ulong)status.st_ino);
        }
    }
}

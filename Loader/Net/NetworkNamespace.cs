using System;
using System.IO;
using Tmds.Linux;

namespace Ebpf.Loader.Net
{
    /// <summary>
    /// A named network namespace (<c>ip netns add NAME</c>, so it lives in /var/run/netns/NAME), deleted with the
    /// interfaces in it on dispose. <see cref="Enter"/> moves the calling thread into it: sockets created and
    /// interfaces resolved on that thread are the namespace's, while bpffs and BPF objects stay shared.
    /// </summary>
    public sealed class NetworkNamespace : IDisposable
    {
        private const int CloneNewNet = 0x40000000;

        /// <summary>Creates the namespace <paramref name="name"/>.</summary>
        public NetworkNamespace(string name)
        {
            Name = name;
            SystemTool.Check("ip", "netns", "add", name);
        }

        /// <summary>The namespace's name.</summary>
        public string Name { get; }

        /// <summary>Runs a command inside the namespace (<c>ip netns exec</c>; note that it mounts its own /sys, so bpffs is not visible to it).</summary>
        public (int ExitCode, string Output) Run(string file, params string[] arguments)
        {
            var all = new string[arguments.Length + 4];
            all[0] = "netns";
            all[1] = "exec";
            all[2] = Name;
            all[3] = file;
            arguments.CopyTo(all, 4);
            return SystemTool.Run("ip", all);
        }

        /// <summary>Runs a command inside the namespace and throws when it fails.</summary>
        public string Check(string file, params string[] arguments)
        {
            (int code, string output) = Run(file, arguments);
            if (code != 0)
            {
                throw new InvalidOperationException($"in {Name}: {file} {string.Join(" ", arguments)} failed ({code}): {output.Trim()}");
            }

            return output;
        }

        /// <summary>Moves the calling thread into the namespace until the returned object is disposed.</summary>
        public IDisposable Enter() => new ThreadNamespace("/var/run/netns/" + Name);

        /// <summary>Deletes the namespace (and the interfaces in it).</summary>
        public void Dispose() => SystemTool.Run("ip", "netns", "del", Name);

        private sealed unsafe class ThreadNamespace : IDisposable
        {
            private readonly int original;

            public ThreadNamespace(string path)
            {
                original = Open("/proc/thread-self/ns/net");
                int target = Open(path);
                int result = LibC.setns(target, CloneNewNet);
                int errno = LibC.errno;
                LibC.close(target);
                if (result != 0)
                {
                    LibC.close(original);
                    throw new InvalidOperationException($"setns({path}) failed: errno {errno}");
                }
            }

            public void Dispose()
            {
                if (LibC.setns(original, CloneNewNet) != 0)
                {
                    throw new InvalidOperationException("could not return the thread to its network namespace: errno " + LibC.errno);
                }

                LibC.close(original);
            }

            private static int Open(string path)
            {
                fixed (byte* name = System.Text.Encoding.UTF8.GetBytes(path + "\0"))
                {
                    int fd = LibC.open(name, LibC.O_RDONLY | LibC.O_CLOEXEC);
                    return fd >= 0 ? fd : throw new IOException($"open({path}) failed: errno {LibC.errno}");
                }
            }
        }
    }
}

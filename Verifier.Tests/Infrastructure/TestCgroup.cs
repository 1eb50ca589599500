using System;
using System.IO;

namespace Ebpf.Verifier.Tests.Infrastructure
{
    /// <summary>A uniquely named cgroup v2 directory, removed on dispose.</summary>
    public sealed class TestCgroup : IDisposable
    {
        /// <summary>Creates the directory under the cgroup2 mount.</summary>
        public TestCgroup()
        {
            string? root = Cgroup2Root();
            KernelRequirement.Require(root is not null, "no cgroup2 file system is mounted");
            Path = System.IO.Path.Combine(root!, "ebpf-test-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(Path);
        }

        /// <summary>The cgroup directory.</summary>
        public string Path { get; }

        /// <summary>The first cgroup2 mount in /proc/mounts, or null.</summary>
        public static string? Cgroup2Root()
        {
            foreach (string line in File.ReadAllLines("/proc/mounts"))
            {
                string[] fields = line.Split(' ');
                if (fields.Length >= 3 && fields[2] == "cgroup2")
                {
                    return fields[1];
                }
            }

            return null;
        }

        /// <summary>Removes the directory (it must hold no processes by then).</summary>
        public void Dispose()
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path);
            }
        }
    }
}

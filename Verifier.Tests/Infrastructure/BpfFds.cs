using System.Collections.Generic;
using System.IO;

namespace Ebpf.Verifier.Tests.Infrastructure
{
    /// <summary>The BPF file descriptors this process holds (anon_inode:bpf-map, bpf-prog, bpf_link …).</summary>
    public static class BpfFds
    {
        /// <summary>fd number → link target, for every fd whose target names a BPF object.</summary>
        public static Dictionary<int, string> Snapshot()
        {
            var fds = new Dictionary<int, string>();
            foreach (string entry in Directory.GetFiles("/proc/self/fd"))
            {
                try
                {
                    string? target = new FileInfo(entry).LinkTarget;
                    if (target is not null && target.StartsWith("anon_inode:bpf", System.StringComparison.Ordinal) &&
                        int.TryParse(Path.GetFileName(entry), out int fd))
                    {
                        fds[fd] = target;
                    }
                }
                catch (IOException)
                {
                    // closed while listing
                }
            }

            return fds;
        }
    }
}

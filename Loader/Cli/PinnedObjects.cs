using System.IO;
using Ebpf.Loader.Pinning;
using Ebpf.Loader.Sys;

namespace Ebpf.Loader.Cli
{
    /// <summary>
    /// Opens a bpffs pin and checks what kind of object it holds: BPF_OBJ_GET returns a program, a map or a link alike,
    /// and reading a link's info as a program's printed nonsense with exit 0 (<c>prog dump …/link</c>).
    /// </summary>
    public static class PinnedObjects
    {
        /// <summary>The fd of the object pinned at <paramref name="path"/>, which must be a <paramref name="wanted"/> ("program", "map" or "link").</summary>
        /// <exception cref="CliException">Something else is pinned there.</exception>
        public static BpfFd Open(string path, string wanted)
        {
            BpfFd fd = BpfFs.Get(path);
            string kind = KindOf(fd);
            if (kind != wanted)
            {
                fd.Dispose();
                throw new CliException($"'{path}' is a pinned {kind}, not a {wanted}");
            }

            return fd;
        }

        /// <summary>"program", "map", "link", or the fd's own description for other BPF objects.</summary>
        public static string KindOf(BpfFd fd) => new FileInfo($"/proc/self/fd/{fd.Value}").LinkTarget switch
        {
            "anon_inode:bpf-prog" => "program",
            "anon_inode:bpf-map" => "map",
            "anon_inode:bpf-link" or "anon_inode:bpf_link" => "link",
            string other => other,
            null => "file",
        };
    }
}

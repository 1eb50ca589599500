using System;
using System.IO;
using System.Linq;

namespace Ebpf.Loader.Cli
{
    /// <summary>
    /// Which file system a path would be created on: pins only work on a bpffs, and BPF_OBJ_PIN elsewhere fails with
    /// EPERM, which reads as "this needs root" even to root (<c>load --pin /tmp/x</c>).
    /// </summary>
    public static class BpfFsPaths
    {
        /// <summary>The type (third field of /proc/self/mounts) of the mount holding <paramref name="path"/>, or of its nearest existing ancestor.</summary>
        public static string FileSystemOf(string path)
        {
            string full = Path.GetFullPath(path).TrimEnd('/');
            string best = string.Empty;
            string type = "unknown";
            foreach (string line in File.ReadLines("/proc/self/mounts"))
            {
                string[] fields = line.Split(' ');
                if (fields.Length < 3)
                {
                    continue;
                }

                string mountPoint = fields[1].Replace("\\040", " ", StringComparison.Ordinal).TrimEnd('/');
                bool contains = mountPoint.Length == 0 || full == mountPoint || full.StartsWith(mountPoint + "/", StringComparison.Ordinal);
                if (contains && mountPoint.Length >= best.Length)
                {
                    best = mountPoint;
                    type = fields[2];
                }
            }

            return type;
        }

        /// <summary>Throws a one-line error naming <paramref name="option"/> unless <paramref name="directory"/> is on a bpffs.</summary>
        /// <exception cref="CliException">It is not.</exception>
        public static void RequireBpfFs(string directory, string option)
        {
            string type = FileSystemOf(directory);
            if (type != "bpf")
            {
                throw new CliException($"{option} {directory}: not on a bpffs ({type}); pins live under a bpf mount such as /sys/fs/bpf");
            }
        }
    }
}

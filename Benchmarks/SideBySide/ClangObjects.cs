using System;
using System.Collections.Generic;
using System.IO;

namespace Ebpf.Benchmarks.SideBySide
{
    /// <summary>Builds the C twins under Benchmarks/C with build-c.sh (clang-19 -O2 -g -target bpf -mcpu=v3).</summary>
    internal static class ClangObjects
    {
        /// <summary>The script, found from the working directory or the binary's directory upwards.</summary>
        public static string FindBuildScript()
        {
            foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            {
                for (DirectoryInfo? directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
                {
                    foreach (string candidate in new[] { "build-c.sh", Path.Combine("Benchmarks", "build-c.sh") })
                    {
                        string path = Path.Combine(directory.FullName, candidate);
                        if (File.Exists(path))
                        {
                            return path;
                        }
                    }
                }
            }

            throw new FileNotFoundException("Benchmarks/build-c.sh not found above the working directory; run from the repository");
        }

        /// <summary>Builds every <c>*.bpf.c</c> into <paramref name="outputDirectory"/>; returns object paths by stem (<c>xdp_chain</c>).</summary>
        public static IReadOnlyDictionary<string, string> Build(string outputDirectory)
        {
            string output = ExternalTool.Run("/bin/sh", new[] { FindBuildScript(), outputDirectory });
            var objects = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (line.EndsWith(".bpf.o", StringComparison.Ordinal))
                {
                    objects[Path.GetFileName(line)[..^".bpf.o".Length]] = line;
                }
            }

            return objects;
        }
    }
}

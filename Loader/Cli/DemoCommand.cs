using System;
using System.CommandLine;
using System.IO;
using Ebpf.Loader.Demo;

namespace Ebpf.Loader.Cli
{
    /// <summary><c>demo [-w FILE.pcap]</c>: the whole story in a private network namespace pair (<see cref="DemoScript"/>).</summary>
    public static class DemoCommand
    {
        /// <summary>The command.</summary>
        public static Command Build(Terminal terminal)
        {
            var pcap = new Option<string>("--write", "-w")
            {
                Description = "Where the sampling step writes its pcap file.",
                DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "ebpf-managed-demo.pcap"),
            };
            var command = new Command(
                "demo",
                "Show everything working in a private network namespace pair: attach, slots, filter rules, traffic, status, sample, detach.")
            {
                pcap,
            };
            command.SetAction(parse =>
            {
                string path = Writable(parse.GetValue(pcap)!);
                return KernelAccess.Run(() => new DemoScript(terminal.Output, terminal.Error, path).Run());
            });
            return command;
        }

        /// <summary>
        /// The full path of <paramref name="path"/> once a file can be created beside it: the demo takes seconds and
        /// builds namespaces before it samples, so a pcap path it cannot write is refused before anything starts.
        /// </summary>
        internal static string Writable(string path)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new CliException("-w: an empty path", CommandLine.UsageError);
            }

            string full = Path.GetFullPath(path);
            string directory = Path.GetDirectoryName(full) ?? "/";
            if (Directory.Exists(full))
            {
                throw new CliException($"-w {path}: is a directory");
            }

            if (!Directory.Exists(directory))
            {
                throw new CliException($"-w {path}: cannot write: no such directory {directory}");
            }

            try
            {
                using var probe = new FileStream(Path.Combine(directory, $".{Path.GetFileName(full)}.probe-{System.Environment.ProcessId}"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"-w {path}: cannot write: {error.Message}");
            }

            return full;
        }
    }
}

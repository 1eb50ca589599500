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
            command.SetAction(parse => KernelAccess.Run(() => new DemoScript(terminal.Output, terminal.Error, Path.GetFullPath(parse.GetValue(pcap)!)).Run()));
            return command;
        }
    }
}

using System.IO;
using Ebpf.Loader.Cli;

namespace Ebpf.Verifier.Tests.Cli
{
    /// <summary>Runs the command line in-process and captures what it printed.</summary>
    public sealed record CliRun(int ExitCode, string Output, string Error)
    {
        /// <summary>Runs <c>ebpf-managed args…</c>.</summary>
        public static CliRun Of(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int code = CommandLine.Run(args, output, error);
            return new CliRun(code, output.ToString(), error.ToString());
        }
    }
}

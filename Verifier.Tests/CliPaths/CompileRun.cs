using System;
using System.IO;
using System.Runtime.CompilerServices;
using Ebpf.Compiler.Cli;

namespace Ebpf.Verifier.Tests.CliPaths
{
    /// <summary>Runs <c>ebpf-compile</c> in-process and captures what it printed.</summary>
    public sealed record CompileRun(int ExitCode, string Output, string Error)
    {
        /// <summary>Runs <c>ebpf-compile args…</c>.</summary>
        public static CompileRun Of(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int code = CompileCommandLine.Run(args, output, error);
            return new CompileRun(code, output.ToString(), error.ToString());
        }

        /// <summary>The seed tail chain's sources (Programs/TailChain/*.cs).</summary>
        public static string[] TailChainSources([CallerFilePath] string here = "")
        {
            string directory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "Programs", "TailChain"));
            return Directory.GetFiles(directory, "*.cs");
        }
    }
}

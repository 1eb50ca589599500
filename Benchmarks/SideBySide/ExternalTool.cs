using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace Ebpf.Benchmarks.SideBySide
{
    /// <summary>Runs the benchmark's outside tools (build-c.sh, bpftool) and turns a non-zero exit into an exception.</summary>
    internal static class ExternalTool
    {
        /// <summary>Runs <paramref name="program"/> with <paramref name="arguments"/>; returns its standard output.</summary>
        public static string Run(string program, IEnumerable<string> arguments)
        {
            var start = new ProcessStartInfo(program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
            var standardError = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"{program} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}: {standardError.Result.Trim()}");
            }

            return output;
        }
    }
}

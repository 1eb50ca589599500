using System.Diagnostics;

namespace Ebpf.Verifier.Tests.Infrastructure
{
    /// <summary>Runs system tools (ip, sh) for test setup.</summary>
    public static class Shell
    {
        /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/>; returns exit code and combined output.</summary>
        public static (int ExitCode, string Output) Run(string file, params string[] arguments)
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using Process process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }

        /// <summary>Runs and throws when the exit code is not 0.</summary>
        public static string Check(string file, params string[] arguments)
        {
            (int code, string output) = Run(file, arguments);
            if (code != 0)
            {
                throw new System.InvalidOperationException($"{file} {string.Join(" ", arguments)} failed ({code}): {output}");
            }

            return output;
        }
    }
}

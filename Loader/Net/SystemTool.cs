using System;
using System.Diagnostics;

namespace Ebpf.Loader.Net
{
    /// <summary>Runs a system tool (iproute2's <c>ip</c>) and captures what it prints.</summary>
    /// <remarks>Only the <c>demo</c> command and tests build network namespaces and veth pairs this way; nothing that
    /// loads or attaches BPF objects runs an external tool.</remarks>
    public static class SystemTool
    {
        /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/>; returns the exit code and stdout + stderr.</summary>
        public static (int ExitCode, string Output) Run(string file, params string[] arguments)
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            try
            {
                using Process process = Process.Start(start)!;
                System.Threading.Tasks.Task<string> error = process.StandardError.ReadToEndAsync();
                string output = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                return (process.ExitCode, output + error.Result);
            }
            catch (System.ComponentModel.Win32Exception exception)
            {
                return (127, $"{file}: {exception.Message}");
            }
        }

        /// <summary>Runs and throws <see cref="InvalidOperationException"/> naming the command when the exit code is not 0.</summary>
        public static string Check(string file, params string[] arguments)
        {
            (int code, string output) = Run(file, arguments);
            if (code != 0)
            {
                throw new InvalidOperationException($"{file} {string.Join(" ", arguments)} failed ({code}): {output.Trim()}");
            }

            return output;
        }
    }
}

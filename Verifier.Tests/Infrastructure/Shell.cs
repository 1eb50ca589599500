using Ebpf.Loader.Net;

namespace Ebpf.Verifier.Tests.Infrastructure
{
    /// <summary>Runs system tools (ip, sh, tcpdump) for test setup: <see cref="SystemTool"/> under the tests' name.</summary>
    public static class Shell
    {
        /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/>; returns exit code and combined output.</summary>
        public static (int ExitCode, string Output) Run(string file, params string[] arguments) => SystemTool.Run(file, arguments);

        /// <summary>Runs and throws when the exit code is not 0.</summary>
        public static string Check(string file, params string[] arguments) => SystemTool.Check(file, arguments);
    }
}

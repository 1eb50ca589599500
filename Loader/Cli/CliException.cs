using System;

namespace Ebpf.Loader.Cli
{
    /// <summary>A user error: printed as one line (no stack trace) and exits non-zero.</summary>
    public sealed class CliException : Exception
    {
        /// <summary>Creates the error with the message the user sees.</summary>
        public CliException(string message, int exitCode = 1)
            : base(message)
        {
            ExitCode = exitCode;
        }

        /// <summary>The process exit code.</summary>
        public int ExitCode { get; }
    }
}

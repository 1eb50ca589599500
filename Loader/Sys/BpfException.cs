using System;

namespace Ebpf.Loader.Sys
{
    /// <summary>A bpf() command failed. The message names the command, the errno and its likely cause.</summary>
    public class BpfException : Exception
    {
        /// <summary>Creates an exception for <paramref name="command"/> failing with <paramref name="errno"/>.</summary>
        public BpfException(BpfCommand command, int errno, string? detail = null)
            : base(Compose(command, errno, detail))
        {
            Command = command;
            Errno = errno;
            Detail = detail;
        }

        /// <summary>The command that failed.</summary>
        public BpfCommand Command { get; }

        /// <summary>The positive errno the kernel returned.</summary>
        public int Errno { get; }

        /// <summary>The errno's symbolic name, e.g. "EPERM".</summary>
        public string ErrnoName => ErrnoNames.Name(Errno);

        /// <summary>What this failure most likely means, beyond strerror.</summary>
        public string? Detail { get; }

        /// <summary>An exception with the usual cause of <paramref name="errno"/> for <paramref name="command"/>.</summary>
        public static BpfException For(BpfCommand command, int errno) =>
            new BpfException(command, errno, ErrnoNames.LikelyCause(command, errno));

        /// <summary>
        /// An exception about <paramref name="subject"/> (a path, map or interface), with the usual cause of
        /// <paramref name="errno"/> for <paramref name="command"/> when one is known.
        /// </summary>
        public static BpfException For(BpfCommand command, int errno, string subject)
        {
            string? cause = ErrnoNames.LikelyCause(command, errno);
            return new BpfException(command, errno, cause is null ? subject : $"{subject}: {cause}");
        }

        private static string Compose(BpfCommand command, int errno, string? detail)
        {
            string text = $"bpf({CommandName(command)}) failed: {ErrnoNames.Name(errno)} ({ErrnoNames.Describe(errno)})";
            return detail is null ? text : $"{text}: {detail}";
        }

        /// <summary>The kernel's spelling of a command, e.g. BPF_MAP_CREATE.</summary>
        public static string CommandName(BpfCommand command)
        {
            var text = new System.Text.StringBuilder("BPF");
            foreach (char c in command.ToString())
            {
                if (char.IsUpper(c))
                {
                    text.Append('_');
                }

                text.Append(char.ToUpperInvariant(c));
            }

            return text.ToString();
        }
    }
}

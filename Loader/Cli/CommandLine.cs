using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Loader.Sys;

namespace Ebpf.Loader.Cli
{
    /// <summary>
    /// The <c>ebpf-managed</c> command tree (System.CommandLine). Parse errors and failures become one line on
    /// stderr and a non-zero exit code; a stack trace is printed only for internal errors with <c>EBPF_DEBUG=1</c>.
    /// </summary>
    public static class CommandLine
    {
        /// <summary>The program name used in messages.</summary>
        public const string Name = "ebpf-managed";

        /// <summary>Exit code for command-line usage errors.</summary>
        public const int UsageError = 2;

        /// <summary>At most this many parse errors are printed: a mistyped line should not fill the screen.</summary>
        private const int MaxParseErrors = 2;

        /// <summary>At most this many assembler diagnostics are printed (a file that is not assembly text has one per line).</summary>
        private const int MaxAssemblyErrors = 5;

        /// <summary>Parses and runs <paramref name="args"/> against the process's console.</summary>
        public static int Run(string[] args) => Run(args, Console.Out, Console.Error);

        /// <summary>Parses and runs <paramref name="args"/>, writing to the given streams.</summary>
        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            var terminal = new Terminal(output, error);
            RootCommand root = Build(terminal);
            ParseResult parse;
            try
            {
                parse = root.Parse(args);
                if (parse.Errors.Count > 0)
                {
                    return UsageErrors(parse, error);
                }
            }
            catch (Exception exception)
            {
                return Fail(exception, error); // a validator or parser that throws is a bug: say so, never crash
            }

            try
            {
                return parse.Invoke(new InvocationConfiguration
                {
                    EnableDefaultExceptionHandler = false,
                    Output = output,
                    Error = error,
                });
            }
            catch (Exception exception)
            {
                return Fail(exception, error);
            }
        }

        /// <summary>Builds the whole command tree.</summary>
        public static RootCommand Build(Terminal terminal)
        {
            var root = new RootCommand("A pure-managed eBPF assembler, compiler and loader: the kernel through bpf() only.");
            root.Subcommands.Add(AsmCommands.Assemble(terminal));
            root.Subcommands.Add(AsmCommands.Disassemble(terminal));
            root.Subcommands.Add(ProgCommands.Build(terminal));
            root.Subcommands.Add(MapCommands.Build(terminal));
            root.Subcommands.Add(LoadCommands.Build(terminal));
            Array.ForEach(RootArrayCommands.Build(terminal), root.Subcommands.Add);
            root.Subcommands.Add(SlotCommands.Build(terminal));
            root.Subcommands.Add(ChainCommands.Build(terminal));
            root.Subcommands.Add(FilterCommands.Build(terminal));
            root.Subcommands.Add(DemoCommand.Build(terminal));
            root.Subcommands.Add(SampleCommand.Build(terminal));
            return root;
        }

        /// <summary>
        /// A parse error on one line: System.CommandLine lists the accepted values of an option one per line
        /// ("Argument 'x' not recognized. Must be one of:\n\t'a'\n\t'b'"), which becomes "… Must be one of: 'a', 'b'".
        /// </summary>
        internal static string OneLine(string message)
        {
            string[] lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return lines.Length <= 1 ? message.Trim() : lines[0] + " " + string.Join(", ", lines.Skip(1));
        }

        private static int UsageErrors(ParseResult parse, TextWriter error)
        {
            bool unknownToken = parse.UnmatchedTokens.Count > 0;
            // "Required command was not provided" only repeats what the unknown token already says.
            var messages = parse.Errors
                .Select(parseError => OneLine(parseError.Message))
                .Where(message => !(unknownToken && message.StartsWith("Required command", StringComparison.Ordinal)))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            foreach (string message in messages.Take(MaxParseErrors))
            {
                error.WriteLine($"{Name}: error: {message}");
            }

            if (messages.Count > MaxParseErrors)
            {
                error.WriteLine($"{Name}: … and {messages.Count - MaxParseErrors} more errors");
            }

            error.WriteLine($"{Name}: see '{Name} {CommandPath(parse.CommandResult)}--help'");
            return UsageError;
        }

        private static string CommandPath(CommandResult? result)
        {
            string path = string.Empty;
            for (SymbolResult? current = result; current is CommandResult command && command.Parent is not null; current = command.Parent)
            {
                path = command.Command.Name + " " + path;
            }

            return path;
        }

        private static int Fail(Exception exception, TextWriter error)
        {
            switch (exception)
            {
                case CliException cli:
                    error.WriteLine($"{Name}: {cli.Message}");
                    return cli.ExitCode;
                case AssemblyException assembly:
                    foreach (AssemblyError diagnostic in assembly.Errors.Take(MaxAssemblyErrors))
                    {
                        error.WriteLine(diagnostic.ToString());
                    }

                    if (assembly.Errors.Count > MaxAssemblyErrors)
                    {
                        error.WriteLine($"{Name}: … and {assembly.Errors.Count - MaxAssemblyErrors} more errors in {assembly.File}");
                    }

                    return 1;
                case BpfException bpf:
                    error.WriteLine($"{Name}: {bpf.Message}");
                    return 1;
                case IOException or UnauthorizedAccessException:
                    error.WriteLine($"{Name}: {exception.Message}");
                    return 1;
                default:
                    error.WriteLine($"{Name}: internal error: {exception.GetType().Name}: {exception.Message}");
                    if (Environment.GetEnvironmentVariable("EBPF_DEBUG") == "1")
                    {
                        error.WriteLine(exception);
                    }
                    else
                    {
                        error.WriteLine($"{Name}: set EBPF_DEBUG=1 for the stack trace, and please report it");
                    }

                    return 70;
            }
        }
    }
}

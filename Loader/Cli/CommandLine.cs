using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
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

        /// <summary>Parses and runs <paramref name="args"/> against the process's console.</summary>
        public static int Run(string[] args) => Run(args, Console.Out, Console.Error);

        /// <summary>Parses and runs <paramref name="args"/>, writing to the given streams.</summary>
        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            var terminal = new Terminal(output, error);
            RootCommand root = Build(terminal);
            ParseResult parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                bool unknownToken = parse.UnmatchedTokens.Count > 0;
                foreach (ParseError parseError in parse.Errors)
                {
                    // "Required command was not provided" only repeats what the unknown token already says.
                    if (unknownToken && parseError.Message.StartsWith("Required command", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    error.WriteLine($"{Name}: error: {parseError.Message}");
                }

                error.WriteLine($"{Name}: see '{Name} {CommandPath(parse.CommandResult)}--help'");
                return UsageError;
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
                    error.WriteLine(assembly.Message);
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

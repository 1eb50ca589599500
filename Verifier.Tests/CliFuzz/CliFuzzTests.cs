using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CsCheck;
using Ebpf.Verifier.Tests.Cli;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.CliFuzz
{
    /// <summary>
    /// Every command of <c>ebpf-managed</c> with random argument lists (<see cref="CliTokenGrammar"/>), run in-process
    /// inside a private network namespace. After each command: the exit code is 0, 1 or 2 (never 70), stderr is at most
    /// a few lines each starting with <c>ebpf-managed:</c> (the assembler's <c>FILE:LINE:COL:</c> diagnostics aside), no
    /// BPF fd was left open, no pin of a made-up interface or staging directory exists, the veth is either fully attached
    /// or not at all, and <c>status --json</c> still parses. A failure prints CsCheck's seed: rerun with
    /// <c>CsCheck_Seed=&lt;seed&gt;</c> (or <c>EBPF_CLIFUZZ_SEED</c>) to replay the case; <c>EBPF_CLIFUZZ_SECONDS</c> sets the budget.
    /// </summary>
    public sealed class CliFuzzTests : KernelTest
    {
        private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(20);

        [Fact]
        public void Random_command_lines_fail_cleanly_and_leave_the_kernel_as_it_was()
        {
            using var world = new CliFuzzWorld();
            var grammar = new CliTokenGrammar(world);
            int seconds = int.TryParse(Environment.GetEnvironmentVariable("EBPF_CLIFUZZ_SECONDS"), out int s) ? s : 30;
            int commands = 0;
            var exits = new SortedDictionary<string, int>(StringComparer.Ordinal);
            grammar.Case.Sample(
                fuzzCase =>
                {
                    world.Reset(fuzzCase.Setup);
                    foreach (string[] args in fuzzCase.Commands)
                    {
                        int exit = RunAndCheck(world, args);
                        commands++;
                        string key = $"{string.Join(" ", args.TakeWhile(a => a.Length > 0 && char.IsLower(a[0])).Take(2))} → {exit}";
                        exits[key] = exits.GetValueOrDefault(key) + 1;
                    }
                },
                seed: Environment.GetEnvironmentVariable("EBPF_CLIFUZZ_SEED"),
                iter: 100_000,
                time: seconds,
                threads: 1,
                print: fuzzCase => $"setup {fuzzCase.Setup}: " + string.Join(" ; ", fuzzCase.Commands.Select(Quote)));
            TestContext.Current.TestOutputHelper?.WriteLine($"{commands} commands; by command and exit code: " + string.Join(", ", exits.Select(e => $"{e.Key}: {e.Value}")));
            Assert.True(commands > 50, $"only {commands} commands ran in {seconds} s");
            Assert.Contains(exits.Keys, key => key.StartsWith("slot load", StringComparison.Ordinal) && key.EndsWith("→ 0", StringComparison.Ordinal));
            Assert.Contains(exits.Keys, key => key.StartsWith("filter", StringComparison.Ordinal) && key.EndsWith("→ 0", StringComparison.Ordinal));
        }

        /// <summary>Runs one command and throws with what went wrong; returns its exit code.</summary>
        internal static int RunAndCheck(CliFuzzWorld world, string[] args)
        {
            Dictionary<int, string> fdsBefore = BpfFds.Snapshot();
            Task<CliRun> task = Task.Factory.StartNew(() => world.Network.Cli(args), TaskCreationOptions.LongRunning);
            if (!task.Wait(CommandTimeout))
            {
                throw new InvalidOperationException($"`{Quote(args)}` did not finish within {CommandTimeout.TotalSeconds} s");
            }

            CliRun run = task.Result;
            var problems = new List<string>();
            problems.AddRange(OutputProblems(args, run));
            List<string> leaked = BpfFds.Snapshot().Where(fd => !fdsBefore.TryGetValue(fd.Key, out string? target) || target != fd.Value).Select(fd => $"fd {fd.Key} → {fd.Value}").ToList();
            if (leaked.Count > 0)
            {
                problems.Add("leaked BPF fds: " + string.Join(", ", leaked));
            }

            problems.AddRange(world.CheckKernelState());
            CliRun status = world.Network.Cli("status", world.Network.Name, "--json");
            try
            {
                using JsonDocument document = JsonDocument.Parse(status.Output);
                if (status.ExitCode != 0 || document.RootElement.GetArrayLength() != 1)
                {
                    problems.Add($"status --json afterwards: exit {status.ExitCode}, {document.RootElement.GetArrayLength()} entries, stderr {status.Error.Trim()}");
                }
            }
            catch (JsonException error)
            {
                problems.Add($"status --json afterwards does not parse ({error.Message}): {status.Output}{status.Error}");
            }

            if (problems.Count > 0)
            {
                throw new InvalidOperationException(
                    $"`{Quote(args)}` exited {run.ExitCode}:\n  " + string.Join("\n  ", problems) + $"\n--- stderr:\n{run.Error}--- stdout (first 400 chars):\n{Truncate(run.Output, 400)}");
            }

            return run.ExitCode;
        }

        /// <summary>What is wrong with the exit code and stderr of one run.</summary>
        internal static IEnumerable<string> OutputProblems(string[] args, CliRun run)
        {
            if (run.ExitCode is not (0 or 1 or 2))
            {
                yield return $"exit code {run.ExitCode}";
            }

            string[] lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToArray();
            if (run.ExitCode != 0 && lines.Length == 0)
            {
                yield return "failed without a message on stderr";
            }

            string? asmSource = args.Length > 1 && args[0] == "asm" ? System.IO.Path.GetFileName(args[1]) : null;
            int maxLines = asmSource is null ? 4 : 6; // the assembler prints up to 5 FILE:LINE:COL diagnostics and a count of the rest
            if (lines.Length > maxLines)
            {
                yield return $"{lines.Length} lines on stderr";
            }

            foreach (string line in lines)
            {
                bool assemblerDiagnostic = asmSource is { Length: > 0 } && line.StartsWith(asmSource + ":", StringComparison.Ordinal);
                if (!line.StartsWith(Ebpf.Loader.Cli.CommandLine.Name + ":", StringComparison.Ordinal) && !assemblerDiagnostic)
                {
                    yield return $"stderr line does not start with '{Ebpf.Loader.Cli.CommandLine.Name}:': {line}";
                }

                if (line.Contains("internal error", StringComparison.Ordinal) || line.TrimStart().StartsWith("at ", StringComparison.Ordinal))
                {
                    yield return $"internal error: {line}";
                }
            }
        }

        internal static string Quote(string[] args) =>
            "ebpf-managed " + string.Join(" ", args.Select(a => a.Length > 0 && a.All(c => char.IsLetterOrDigit(c) || "-_./:%,=".Contains(c)) ? a : "'" + a.Replace("'", "'\\''") + "'"));

        private static string Truncate(string text, int length) => text.Length <= length ? text : text.Substring(0, length) + "…";
    }
}

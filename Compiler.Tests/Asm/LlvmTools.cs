using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;
using Xunit;

namespace Ebpf.Compiler.Tests.Asm
{
    /// <summary>llvm-mc-19 and llvm-objdump-19 as oracles: run them, or skip (fail on CI) when they are missing.</summary>
    internal static class LlvmTools
    {
        public const string AssemblerTool = "llvm-mc-19";
        public const string ObjdumpTool = "llvm-objdump-19";

        private static readonly Regex ObjdumpLine = new Regex(@"^\s*(\d+):\s+(.*?)\s*$", RegexOptions.Compiled);
        private static readonly Regex BranchTarget = new Regex(@"\s+<[^<>]*>$", RegexOptions.Compiled);
        private static readonly Regex Whitespace = new Regex(@"\s+", RegexOptions.Compiled);

        /// <summary>Skips the test when the tool is missing, or fails it when EBPF_REQUIRE_KERNEL=1 or CI=true says it must be there.</summary>
        public static void Require(string tool)
        {
            if (Find(tool) is not null)
            {
                return;
            }

            string package = tool.StartsWith("clang", StringComparison.Ordinal) ? "clang-19" : "llvm-19";
            string message = $"{tool} is not on PATH (Debian: apt-get install {package})";
            if (Environment.GetEnvironmentVariable("EBPF_REQUIRE_KERNEL") == "1" ||
                string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(message + "; required because EBPF_REQUIRE_KERNEL=1 or CI=true");
            }

            Assert.Skip(message);
        }

        public static string? Find(string tool)
        {
            foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
            {
                string candidate = Path.Combine(directory, tool);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }

        /// <summary>Assembles with <c>llvm-mc-19 -triple bpfel -mcpu=v4 -filetype=obj</c>; returns the object file's path.</summary>
        public static string AssembleObject(string source, TemporaryDirectory directory)
        {
            Require(AssemblerTool);
            string input = directory.File("input.s");
            string output = directory.File("input.o");
            File.WriteAllText(input, source);
            Run(AssemblerTool, "-triple", "bpfel", "-mcpu=v4", "-filetype=obj", input, "-o", output);
            return output;
        }

        /// <summary>The .text bytes llvm-mc makes of <paramref name="source"/>.</summary>
        public static byte[] AssembleText(string source)
        {
            using var directory = new TemporaryDirectory();
            return ElfSections.Read(File.ReadAllBytes(AssembleObject(source, directory)), ".text");
        }

        /// <summary>
        /// llvm-objdump-19's text per slot for the object's .text, whitespace collapsed and the
        /// <c>&lt;label+0x..&gt;</c> branch-target annotation removed.
        /// </summary>
        public static Dictionary<int, string> Disassemble(string objectPath, bool mcpuV4, bool hex, string section = ".text")
        {
            Require(ObjdumpTool);
            var arguments = new List<string> { "-d", "--no-show-raw-insn", "--section=" + section };
            if (mcpuV4)
            {
                arguments.Add("--mcpu=v4");
            }

            if (!hex)
            {
                arguments.Add("--no-print-imm-hex");
            }

            arguments.Add(objectPath);
            var lines = new Dictionary<int, string>();
            foreach (string line in Run(ObjdumpTool, arguments.ToArray()).Split('\n'))
            {
                Match match = ObjdumpLine.Match(line);
                if (match.Success)
                {
                    lines[int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)] = Normalize(BranchTarget.Replace(match.Groups[2].Value, string.Empty));
                }
            }

            return lines;
        }

        public static string Normalize(string text) => Whitespace.Replace(text.Trim(), " ");

        public static string Run(string tool, params string[] arguments)
        {
            var start = new ProcessStartInfo(tool)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + tool);
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{tool} {string.Join(" ", arguments)} exited with {process.ExitCode}:\n{stderr.Result}");
            }

            return stdout;
        }
    }
}

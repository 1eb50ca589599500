using System;
using System.IO;
using System.Linq;
using Xunit;

namespace Ebpf.Verifier.Tests.Cli
{
    /// <summary><c>asm</c>, <c>disasm</c> and argument errors: no kernel needed.</summary>
    public sealed class AsmCliTests : IDisposable
    {
        private readonly string directory = Directory.CreateTempSubdirectory("ebpf-cli-").FullName;

        public void Dispose() => Directory.Delete(directory, recursive: true);

        [Fact]
        public void Asm_then_disasm_gives_back_the_source_text()
        {
            string[] source = { "r0 = 1", "if r1 s> r2 goto +1", "*(u32 *)(r10 - 4) = r1", "w1 += w2", "r1 = be16 r1", "lock *(u64 *)(r1 + 0) += r2", "call 12", "exit" };
            string input = Path.Combine(directory, "prog.s");
            File.WriteAllLines(input, source);

            CliRun asm = CliRun.Of("asm", input, "-o", Path.Combine(directory, "prog.bin"));
            Assert.Equal(0, asm.ExitCode);
            Assert.Contains("wrote 8 instructions (64 bytes)", asm.Output);
            Assert.Equal(64, new FileInfo(Path.Combine(directory, "prog.bin")).Length);

            CliRun disasm = CliRun.Of("disasm", Path.Combine(directory, "prog.bin"));
            Assert.Equal(0, disasm.ExitCode);
            string[] texts = disasm.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t')[2]).ToArray();
            Assert.Equal(source, texts);
            Assert.StartsWith("       0:\tb7 00 00 00 01 00 00 00\tr0 = 1", disasm.Output);
        }

        [Fact]
        public void Asm_defaults_the_output_next_to_the_input_and_disasm_json_is_data()
        {
            string input = Path.Combine(directory, "two.s");
            File.WriteAllText(input, "r1 = 0x123456789 ll\nexit\n");

            Assert.Equal(0, CliRun.Of("asm", input).ExitCode);
            CliRun json = CliRun.Of("disasm", Path.Combine(directory, "two.bin"), "--json");

            Assert.Equal(0, json.ExitCode);
            Assert.Contains("\"slot\": 2", json.Output);
            Assert.Contains("\"text\": \"exit\"", json.Output);
            Assert.Contains("\"bytes\": \"18 01 00 00 89 67 45 23 00 00 00 00 01 00 00 00\"", json.Output);
        }

        [Fact]
        public void Asm_errors_name_file_line_and_column_one_line_each_and_no_stack_trace()
        {
            string input = Path.Combine(directory, "bad.s");
            File.WriteAllText(input, "r0 = 1\nr11 = 1\nfrobnicate r1\nexit\n");

            CliRun run = CliRun.Of("asm", input);

            Assert.Equal(1, run.ExitCode);
            string[] lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            Assert.StartsWith("bad.s:2:1: error:", lines[0]);
            Assert.StartsWith("bad.s:3:1: error:", lines[1]);
            Assert.DoesNotContain(" at ", run.Error);
            Assert.False(File.Exists(Path.Combine(directory, "bad.bin")));
        }

        [Fact]
        public void Missing_files_and_torn_instructions_get_one_line_errors()
        {
            CliRun missing = CliRun.Of("asm", Path.Combine(directory, "nope.s"));
            Assert.Equal(1, missing.ExitCode);
            Assert.Contains("nope.s", missing.Error);
            Assert.Single(missing.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));

            string torn = Path.Combine(directory, "torn.bin");
            File.WriteAllBytes(torn, new byte[12]);
            CliRun disasm = CliRun.Of("disasm", torn);
            Assert.Equal(1, disasm.ExitCode);
            Assert.Contains("torn.bin: 12 bytes is not a whole number of 8-byte instructions", disasm.Error);

            string halfWide = Path.Combine(directory, "half.bin");
            File.WriteAllBytes(halfWide, new byte[] { 0x18, 0x01, 0, 0, 1, 0, 0, 0 });
            CliRun wide = CliRun.Of("disasm", halfWide);
            Assert.Equal(1, wide.ExitCode);
            Assert.Contains("half.bin", wide.Error);
        }

        [Fact]
        public void Unknown_commands_and_options_exit_2_with_a_pointer_to_help()
        {
            CliRun unknown = CliRun.Of("frobnicate");
            Assert.Equal(2, unknown.ExitCode);
            Assert.Contains("'frobnicate'", unknown.Error);
            Assert.Contains("--help", unknown.Error);
            Assert.Equal(string.Empty, unknown.Output);

            CliRun badOption = CliRun.Of("prog", "list", "--bogus");
            Assert.Equal(2, badOption.ExitCode);
            Assert.Contains("'--bogus'", badOption.Error);
            Assert.Contains("ebpf-managed prog list --help", badOption.Error);

            CliRun neither = CliRun.Of("map", "dump");
            Assert.Equal(2, neither.ExitCode);
            Assert.Contains("either a pin path or --id N", neither.Error);
        }
    }
}

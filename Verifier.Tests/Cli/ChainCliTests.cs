using System;
using System.Linq;
using System.Text.Json;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Cli
{
    /// <summary><c>chain run</c>: the shipped tail-call chain runs in the kernel and leaves {11, 22} on the CPU it ran on only.</summary>
    public sealed class ChainCliTests : KernelTest
    {
        [Theory]
        [InlineData("xdp", "XdpChain", 2u, "XDP_PASS")]
        [InlineData("egress", "EgressChain", 1u, "allow")]
        public void Chain_run_shows_the_verdict_and_the_context_on_the_cpu_it_ran_on(string flavor, string chain, uint verdict, string verdictName)
        {
            CliRun run = CliRun.Of("chain", "run", "--flavor", flavor, "--cpu", "0", "--json");

            Assert.True(run.ExitCode == 0, run.Error);
            using JsonDocument document = JsonDocument.Parse(run.Output);
            JsonElement result = document.RootElement;
            Assert.Equal(chain, result.GetProperty("chain").GetString());
            Assert.Equal(verdict, result.GetProperty("verdict").GetUInt32());
            Assert.Equal(verdictName, result.GetProperty("verdict_name").GetString());
            Assert.Equal(3, result.GetProperty("stages").GetArrayLength());
            JsonElement[] rows = result.GetProperty("context").EnumerateArray().ToArray();
            Assert.Equal((11, 22), (rows[0].GetProperty("value_from_1").GetInt32(), rows[0].GetProperty("value_from_2").GetInt32()));
            Assert.All(rows.Skip(1), row => Assert.Equal((0, 0), (row.GetProperty("value_from_1").GetInt32(), row.GetProperty("value_from_2").GetInt32())));
        }

        [Fact]
        public void Chain_run_prints_a_table_by_default_and_refuses_a_cpu_the_machine_does_not_run()
        {
            CliRun table = CliRun.Of("chain", "run");
            CliRun badCpu = CliRun.Of("chain", "run", "--cpu", "4096");

            Assert.True(table.ExitCode == 0, table.Error);
            Assert.Contains("verdict 2 (XDP_PASS)", table.Output, StringComparison.Ordinal);
            Assert.Contains("CPU | VALUE_FROM_1 | VALUE_FROM_2", table.Output, StringComparison.Ordinal);
            Assert.Equal(2, badCpu.ExitCode);
            Assert.Contains("--cpu 4096", badCpu.Error, StringComparison.Ordinal);
        }
    }
}

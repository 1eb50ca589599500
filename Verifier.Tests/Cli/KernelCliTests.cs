using System.Linq;
using System.Text.Json;
using Ebpf.Asm;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Programs;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Cli
{
    /// <summary><c>prog list</c>, <c>map list</c> and <c>map dump</c> against objects this test creates in the kernel.</summary>
    public sealed class KernelCliTests : KernelTest
    {
        [Fact]
        public void Prog_list_shows_a_program_we_loaded_in_the_table_and_in_json()
        {
            ProgramImage image = AsmPrograms.FromText("r0 = 2\nexit\n", "cli_listed", ProgramType.Xdp, AttachType.Xdp);
            using BpfProgram program = BpfProgram.Load(image);
            uint id = program.Id;

            CliRun table = CliRun.Of("prog", "list");
            Assert.Equal(0, table.ExitCode);
            string row = Assert.Single(table.Output.Split('\n'), line => line.StartsWith(id + " "));
            Assert.Contains("| xdp ", row);
            Assert.Contains("| cli_listed ", row);
            Assert.Contains("| 16B ", row);

            CliRun json = CliRun.Of("prog", "list", "--json");
            Assert.Equal(0, json.ExitCode);
            JsonElement entry = JsonDocument.Parse(json.Output).RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetUInt32() == id);
            Assert.Equal("cli_listed", entry.GetProperty("name").GetString());
            Assert.Equal("xdp", entry.GetProperty("type").GetString());
            Assert.Equal(16, entry.GetProperty("bytes_xlated").GetInt32());
            Assert.True(entry.GetProperty("verified_insns").GetUInt32() >= 2);
        }

        [Fact]
        public void Map_list_and_dump_by_id_and_by_pin_show_what_we_wrote()
        {
            using var pins = new PinDirectory();
            using BpfMap map = BpfMap.Create(new MapDefinition("cli_array", MapType.Array, 4, 4, 3));
            var view = new ArrayView<uint>(map);
            view[1] = 0x11223344;
            map.Pin(pins["cli_array"]);

            CliRun list = CliRun.Of("map", "list", "--json");
            Assert.Equal(0, list.ExitCode);
            JsonElement entry = JsonDocument.Parse(list.Output).RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetUInt32() == map.Id);
            Assert.Equal("array", entry.GetProperty("type").GetString());
            Assert.Equal(3, entry.GetProperty("max_entries").GetInt32());

            CliRun byId = CliRun.Of("map", "dump", "--id", map.Id.ToString());
            Assert.Equal(0, byId.ExitCode);
            Assert.Contains("key: 01 00 00 00  value: 44 33 22 11", byId.Output);
            Assert.Contains("key: 00 00 00 00  value: 00 00 00 00", byId.Output);
            Assert.Contains("Found 3 elements", byId.Output);

            CliRun byPin = CliRun.Of("map", "dump", pins["cli_array"], "--json");
            Assert.Equal(0, byPin.ExitCode);
            JsonElement[] elements = JsonDocument.Parse(byPin.Output).RootElement.EnumerateArray().ToArray();
            Assert.Equal(3, elements.Length);
            Assert.Equal("44 33 22 11", elements[1].GetProperty("value").GetString());
        }

        [Fact]
        public void Map_dump_of_a_percpu_map_prints_one_value_per_possible_cpu()
        {
            using BpfMap map = BpfMap.Create(new MapDefinition("cli_pcpu", MapType.PerCpuArray, 4, 2, 1));
            var view = new PerCpuArrayView<ushort>(map);
            view.Set(0, Enumerable.Range(0, view.CpuCount).Select(cpu => (ushort)(0x0100 + cpu)).ToArray());

            CliRun dump = CliRun.Of("map", "dump", "--id", map.Id.ToString());

            Assert.Equal(0, dump.ExitCode);
            for (int cpu = 0; cpu < PossibleCpus.Count; cpu++)
            {
                Assert.Contains($"  value (CPU {cpu:00}): {cpu:x2} 01", dump.Output);
            }
        }

        [Fact]
        public void Map_dump_of_missing_objects_says_what_is_missing()
        {
            CliRun noId = CliRun.Of("map", "dump", "--id", "4000000000");
            Assert.Equal(1, noId.ExitCode);
            Assert.Contains("no map with id 4000000000", noId.Error);

            CliRun noPin = CliRun.Of("map", "dump", "/sys/fs/bpf/definitely-not-here");
            Assert.Equal(1, noPin.ExitCode);
            Assert.Contains("/sys/fs/bpf/definitely-not-here", noPin.Error);
        }
    }
}

using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Ebpf.Asm;
using Ebpf.Loader.Maps;
using Ebpf.Loader.RootArray;
using Ebpf.Verifier.Tests.Cli;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.RootArray
{
    /// <summary><c>slot load</c> and <c>slot unload</c> in-process on a veth pair between private namespaces, with real UDP traffic.</summary>
    public sealed class SlotCliTests : KernelTest
    {
        private const int Port = 7000;

        [Fact]
        public void Replacing_a_slot_under_udp_traffic_loses_no_counts()
        {
            using var programs = new SlotProgramAssemblyFile(Port);
            using var network = new RootArrayNetwork();
            Assert.Equal(0, network.Cli("attach", network.Name, "--mode", "generic").ExitCode);
            Assert.Equal(0, network.Cli("slot", "load", network.Name, "0", "DropUdpA", "--assembly", programs.Path).ExitCode);
            Assert.Equal(0, network.Cli("slot", "load", network.Name, "1", "DropUdpB", "--assembly", programs.Path).ExitCode);  // would catch what slot 0 missed
            const int sent = 3000;

            var traffic = new Thread(() => network.SendUdp(Port, sent));
            traffic.Start();
            WaitFor(network, () => Row(network, 0).Drop >= 100);
            int replacements = 0;
            while (traffic.IsAlive && replacements < 20)
            {
                CliRun load = network.Cli("slot", "load", network.Name, "0", replacements % 2 == 0 ? "DropUdpB" : "DropUdpA", "--assembly", programs.Path);
                Assert.True(load.ExitCode == 0, load.Error);
                Assert.Contains("replacing program id", load.Output);
                replacements++;
            }

            traffic.Join();
            WaitFor(network, () => Row(network, 0).Drop + Row(network, 1).Drop >= sent);
            Thread.Sleep(100);

            VerdictCounters slot0 = Row(network, 0);
            VerdictCounters slot1 = Row(network, 1);
            Assert.True(replacements >= 3, $"only {replacements} replacements happened during the traffic");
            Assert.Equal((ulong)sent, slot0.Drop + slot1.Drop);               // every datagram counted once, in the slot's row or a later one
            Assert.Equal(0ul, slot1.Total);                                   // and the swap is atomic: none found slot 0 empty
            Assert.Equal(slot0.Drop, slot0.Total);
        }

        [Fact]
        public void Load_and_unload_print_what_they_did_and_json_when_asked()
        {
            using var programs = new SlotProgramAssemblyFile(Port);
            using var network = new RootArrayNetwork();
            Assert.Equal(0, network.Cli("attach", network.Name, "--mode", "generic", "--slots", "4").ExitCode);

            CliRun load = network.Cli("slot", "load", network.Name, "2", "DropUdpA", "--assembly", programs.Path);
            Assert.True(load.ExitCode == 0, load.Error);
            Assert.Matches($@"^Slot 2 of interface {network.Name}: DropUdpA \(program id \d+\)\.\n  map pinned at {network.Paths.Directory}/drop_count\n$", load.Output);
            CliRun json = network.Cli("slot", "load", network.Name, "2", "DropUdpB", "--assembly", programs.Path, "--json");
            using (JsonDocument document = JsonDocument.Parse(json.Output))
            {
                JsonElement result = document.RootElement;
                Assert.Equal(("DropUdpB", 2, 4), (result.GetProperty("program_name").GetString(), result.GetProperty("slot").GetInt32(), result.GetProperty("slots").GetInt32()));
                Assert.Equal(Regex(load.Output), result.GetProperty("replaced_program_id").GetUInt32());
                Assert.Equal(Path.Combine(network.Paths.Directory, SlotProgramAssemblyFile.MapName), result.GetProperty("map_pins")[0].GetString());
            }

            JsonElement status = network.Status();
            Assert.Equal("DropUdpB", status.GetProperty("slots")[2].GetProperty("name").GetString());
            Assert.Equal($"Slot 2 of interface {network.Name} emptied.\n", network.Cli("slot", "unload", network.Name, "2").Output);
            CliRun again = network.Cli("slot", "unload", network.Name, "2", "--json");
            Assert.Equal(0, again.ExitCode);
            Assert.Equal($"{{\"interface\":\"{network.Name}\",\"slot\":2,\"unloaded\":false}}", string.Concat(again.Output.Where(c => !char.IsWhiteSpace(c))));
        }

        [Fact]
        public void Every_shipped_slot_program_loads_into_its_default_slot_and_detach_removes_its_pins()
        {
            using var network = new RootArrayNetwork();
            Assert.Equal(0, network.Cli("attach", network.Name, "--mode", "generic").ExitCode);
            var shipped = Ebpf.Loader.Cli.SlotProgramCatalog.List(null).ToList();
            Assert.NotEmpty(shipped);

            foreach ((string _, string program, int slot) in shipped)
            {
                CliRun load = network.Cli("slot", "load", network.Name, slot.ToString(System.Globalization.CultureInfo.InvariantCulture), program, "--json");
                Assert.True(load.ExitCode == 0, $"{program}: {load.Error}");
                using JsonDocument document = JsonDocument.Parse(load.Output);
                Assert.All(document.RootElement.GetProperty("map_pins").EnumerateArray(), pin => Assert.True(File.Exists(pin.GetString()), pin.GetString()));
                Assert.Equal(program, network.Status().GetProperty("slots")[slot].GetProperty("name").GetString());
            }

            Assert.Equal(0, network.Cli("detach", network.Name).ExitCode);
            Assert.False(network.AnyPinsLeft());
        }

        [Fact]
        public void Errors_are_one_line_and_name_the_argument()
        {
            using var programs = new SlotProgramAssemblyFile(Port);
            using var network = new RootArrayNetwork();
            string iface = network.Name;

            AssertError(network.Cli("slot", "load", "nosuchif0", "0", "DropUdpA", "--assembly", programs.Path), 1, "no network interface named 'nosuchif0'");
            AssertError(network.Cli("slot", "load", iface, "0", "DropUdpA", "--assembly", programs.Path), 1, $"Root array not attached to interface {iface}.");
            AssertError(network.Cli("slot", "unload", iface, "0"), 1, $"Root array not attached to interface {iface}.");
            Assert.Equal(0, network.Cli("attach", iface, "--mode", "generic", "--slots", "4").ExitCode);
            AssertError(network.Cli("slot", "load", iface, "4", "DropUdpA", "--assembly", programs.Path), 1, $"slot 4 is out of range: the root array on {iface} has 4 slots (0..3)");
            CliRun negative = network.Cli("slot", "unload", iface, "-1");   // no root array has it: a usage error
            Assert.Equal(2, negative.ExitCode);
            Assert.StartsWith("ebpf-managed: error: SLOT: -1 is out of range (0..31)\n", negative.Error);
            AssertError(network.Cli("slot", "load", iface, "0", "Nope", "--assembly", programs.Path), 1,
                $"PROGRAM: no slot program named 'Nope' in {programs.Path} (it has DropUdpA (slot 0), DropUdpB (slot 0))");
            AssertError(network.Cli("slot", "load", iface, "0", "NotASlot", "--assembly", programs.Path), 1,
                "PROGRAM: 'NotASlot' in UserPrograms.PortDrops is not a slot program (it has no [XdpSlot(k)] attribute)");
            AssertError(network.Cli("slot", "load", iface, "0", "DropUdpA", "--assembly", "/nonexistent/x.dll"), 1, "--assembly: no such file: /nonexistent/x.dll");
            using (var other = BpfMap.Create(new MapDefinition(SlotProgramAssemblyFile.MapName, MapType.Array, 4, 4, 1)))
            {
                other.Pin(Path.Combine(network.Paths.Directory, SlotProgramAssemblyFile.MapName));  // as if an older version had pinned it
            }

            AssertError(network.Cli("slot", "load", iface, "0", "DropUdpA", "--assembly", programs.Path), 1,
                $"DropUdpA: cannot load collection: map 'drop_count' pinned at {network.Paths.Directory}/drop_count differs from its definition: key/value 4/4 bytes, wanted 4/8; unpin it to recreate");
            CliRun shipped = network.Cli("slot", "load", iface, "0", "Nope");
            Assert.Equal(1, shipped.ExitCode);
            Assert.Contains("no slot program named 'Nope' in Ebpf.Programs (the shipped programs) (it has ", shipped.Error);
            CliRun usage = network.Cli("slot", "load", iface, "zero", "DropUdpA");
            Assert.Equal(2, usage.ExitCode);
            Assert.Contains("zero", usage.Error);
            Assert.Equal($"Slot 0 of interface {iface} was already empty.\n", network.Cli("slot", "unload", iface, "0").Output);
        }

        private static void AssertError(CliRun run, int exitCode, string message)
        {
            Assert.Equal(exitCode, run.ExitCode);
            Assert.Equal($"ebpf-managed: {message}\n", run.Error);
            Assert.Equal("", run.Output);
        }

        private static uint Regex(string output) =>
            uint.Parse(System.Text.RegularExpressions.Regex.Match(output, @"program id (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        private static VerdictCounters Row(RootArrayNetwork network, int row)
        {
            using AttachedRootArray array = AttachedRootArray.Open(network.Name);
            return array.Counters(row);
        }

        private static void WaitFor(RootArrayNetwork network, Func<bool> condition)
        {
            DateTime deadline = DateTime.UtcNow.AddSeconds(20);
            while (!condition() && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }
        }
    }
}

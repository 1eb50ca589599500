using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Programs;
using Ebpf.Loader.Sys;
using Ebpf.Programs.TailChain;
using Ebpf.Verifier.Tests.Cli;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.CliPaths
{
    /// <summary>
    /// <c>load --assembly</c> of the built Ebpf.Programs.dll: both chains load, are pinned, and run from their pins after
    /// the command has closed its fds; <c>prog dump</c> shows their C# lines; bad inputs are one-line errors.
    /// </summary>
    public sealed class LoadCommandTests : KernelTest
    {
        private static string ProgramsAssembly => typeof(EgressChain).Assembly.Location;

        [Fact]
        public void Load_assembly_pins_both_chains_and_the_pinned_programs_give_the_chains_verdicts_and_context()
        {
            using var pins = new PinDirectory();

            CliRun run = CliRun.Of("load", "--assembly", ProgramsAssembly, "--pin", pins.Path);

            Assert.True(run.ExitCode == 0, run.Error);
            foreach (string name in new[] { "EgressChain/Egress1", "EgressChain/Egress3", "EgressChain/TailPrograms", "XdpChain/Xdp1", "XdpChain/TailContextMap" })
            {
                Assert.True(File.Exists(pins[name]), $"{name} is not pinned");
            }

            Assert.Contains("| Egress2 ", run.Output);
            Assert.Equal((1u, (byte)11, (byte)22), RunPinned(pins, "EgressChain", "Egress1"));
            Assert.Equal((2u, (byte)11, (byte)22), RunPinned(pins, "XdpChain", "Xdp1"));
            Assert.Equal(1u, RunPinned(pins, "XdpChain", "Xdp3").Verdict); // alone, the last stage sees an empty context: XDP_DROP
        }

        [Fact]
        public void Load_one_class_as_json_reports_ids_types_verified_instructions_and_pins()
        {
            using var pins = new PinDirectory();

            CliRun run = CliRun.Of("load", "--assembly", ProgramsAssembly, "--class", "XdpChain", "--pin", pins.Path, "--json");

            Assert.True(run.ExitCode == 0, run.Error);
            JsonElement collection = Assert.Single(JsonDocument.Parse(run.Output).RootElement.EnumerateArray().ToList());
            Assert.Equal(typeof(XdpChain).FullName, collection.GetProperty("class").GetString());
            JsonElement[] programs = collection.GetProperty("programs").EnumerateArray().ToArray();
            Assert.Equal(new[] { "Xdp1", "Xdp2", "Xdp3" }, programs.Select(p => p.GetProperty("name").GetString()));
            Assert.All(programs, p => Assert.Equal("xdp", p.GetProperty("type").GetString()));
            Assert.All(programs, p => Assert.True(p.GetProperty("verified_insns").GetUInt32() > 0));
            Assert.All(programs, p => Assert.Equal(pins[p.GetProperty("name").GetString()!], p.GetProperty("pin").GetString()));
            using BpfProgram pinned = BpfProgram.OpenPinned(pins["Xdp2"]);
            Assert.Equal(programs[1].GetProperty("id").GetUInt32(), pinned.Id);
            Assert.False(Directory.Exists(pins["EgressChain"]));

            CliRun again = CliRun.Of("load", "--assembly", ProgramsAssembly, "--class", "XdpChain", "--pin", pins.Path);
            Assert.Equal(1, again.ExitCode);
            Assert.Equal($"ebpf-managed: {typeof(XdpChain).FullName} is already loaded: {pins["Xdp1"]} exists (remove {pins.Path} to unload it)\n", again.Error);
        }

        [Fact]
        public void Loading_several_classes_is_all_or_nothing()
        {
            using var pins = new PinDirectory();
            Assert.Equal(0, CliRun.Of("load", "--assembly", ProgramsAssembly, "--class", "XdpChain", "--pin", pins["XdpChain"]).ExitCode);

            CliRun both = CliRun.Of("load", "--assembly", ProgramsAssembly, "--pin", pins.Path);

            Assert.Equal(1, both.ExitCode);
            Assert.Contains("XdpChain is already loaded", both.Error);
            Assert.False(Directory.Exists(pins["EgressChain"]), "the class loaded before the failure is unpinned again");
            Assert.True(File.Exists(pins["XdpChain/Xdp1"]), "the earlier load stays");
        }

        [Fact]
        public void Prog_dump_of_a_pinned_program_interleaves_its_csharp_lines()
        {
            using var pins = new PinDirectory();
            Assert.Equal(0, CliRun.Of("load", "--assembly", ProgramsAssembly, "--class", "Ebpf.Programs.TailChain.EgressChain", "--pin", pins.Path).ExitCode);

            CliRun dump = CliRun.Of("prog", "dump", pins["Egress3"], "--assembly", ProgramsAssembly);

            Assert.True(dump.ExitCode == 0, dump.Error);
            Assert.StartsWith("; program Egress3 id ", dump.Output);
            Assert.Contains("EgressChain.cs:", dump.Output);
            Assert.Contains(": var shared = TailContextMap.Lookup(0);", dump.Output);
            Assert.Contains("exit", dump.Output);

            uint id;
            using (BpfProgram pinned = BpfProgram.OpenPinned(pins["Egress3"]))
            {
                id = pinned.Id;
            }

            CliRun missing = CliRun.Of("prog", "dump", "4294967295");
            Assert.Equal("ebpf-managed: no program with id 4294967295\n", missing.Error);

            CliRun bare = CliRun.Of("prog", "dump", id.ToString());
            Assert.Equal(0, bare.ExitCode);
            Assert.DoesNotContain(".cs:", bare.Output);
            Assert.Equal(
                dump.Output.Split('\n').Where(line => !line.StartsWith(';')),
                bare.Output.Split('\n').Where(line => !line.StartsWith(';')));
        }

        [Theory]
        [InlineData("missing")]
        [InlineData("no-images")]
        [InlineData("unknown-class")]
        [InlineData("not-an-assembly")]
        public void Bad_inputs_are_one_line_errors(string kind)
        {
            using var work = new TempDirectory();
            File.WriteAllText(work["text.dll"], "not a PE file");
            string[] args = kind switch
            {
                "missing" => new[] { "load", "--assembly", work["missing.dll"] },
                "no-images" => new[] { "load", "--assembly", typeof(Ebpf.Asm.ProgramImage).Assembly.Location },
                "unknown-class" => new[] { "load", "--assembly", ProgramsAssembly, "--class", "NoSuchChain" },
                _ => new[] { "load", "--assembly", work["text.dll"] },
            };
            string expected = kind switch
            {
                "missing" => $"ebpf-managed: cannot read '{work["missing.dll"]}': ",
                "no-images" => $"ebpf-managed: '{typeof(Ebpf.Asm.ProgramImage).Assembly.Location}' embeds no eBPF images",
                "unknown-class" => $"ebpf-managed: '{ProgramsAssembly}' has no program class 'NoSuchChain' (it has: {string.Join(", ", Ebpf.Loader.Skeletons.EmbeddedCollections.ReadAll(ProgramsAssembly).Keys.Order(StringComparer.Ordinal))})",
                _ => $"ebpf-managed: '{work["text.dll"]}' is not a .NET assembly",
            };

            CliRun run = CliRun.Of(args);

            Assert.Equal(1, run.ExitCode);
            Assert.StartsWith(expected, run.Error);
            Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
            Assert.Equal(string.Empty, run.Output);
        }

        /// <summary>Zeroes the chain's context, runs the pinned entry on the last CPU, returns the verdict and that CPU's context.</summary>
        private static (uint Verdict, byte From1, byte From2) RunPinned(PinDirectory pins, string chain, string entry)
        {
            using BpfMap map = BpfMap.OpenPinned(pins[chain + "/TailContextMap"]);
            using BpfProgram program = BpfProgram.OpenPinned(pins[chain + "/" + entry]);
            var context = new PerCpuArrayView<TailContext>(map);
            context.Set(0, new TailContext[context.CpuCount]);
            int cpu = Environment.ProcessorCount - 1;
            uint verdict;
            using (new CpuAffinity(cpu))
            {
                verdict = program.TestRun(Packets.Ipv4Udp()).ReturnValue;
            }

            TailContext after = context.Get(0)[cpu];
            return (verdict, after.ValueFrom1, after.ValueFrom2);
        }
    }
}

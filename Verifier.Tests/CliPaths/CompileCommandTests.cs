using System.IO;
using System.Linq;
using System.Text.Json;
using Ebpf.Asm;
using Ebpf.Asm.Serialization;
using Xunit;

namespace Ebpf.Verifier.Tests.CliPaths
{
    /// <summary><c>ebpf-compile FILE.cs… -o DIR</c>: images and listings for good sources, csc-style diagnostics for bad ones.</summary>
    public sealed class CompileCommandTests
    {
        [Fact]
        public void The_seed_tail_chain_compiles_from_loose_files_into_images_and_listings_with_source_lines()
        {
            using var work = new TempDirectory();
            string[] sources = work.Copy(CompileRun.TailChainSources());
            string output = work["out"];

            CompileRun run = CompileRun.Of(sources.Append("-o").Append(output).ToArray());

            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Equal(string.Empty, run.Error);
            CollectionImage egress = CollectionImageSerializer.Deserialize(File.ReadAllBytes(Path.Combine(output, "EgressChain.ebpfimg")));
            CollectionImage xdp = CollectionImageSerializer.Deserialize(File.ReadAllBytes(Path.Combine(output, "XdpChain.ebpfimg")));
            Assert.Equal(new[] { "Egress1", "Egress2", "Egress3" }, egress.Programs.Select(p => p.Name));
            Assert.Equal(new[] { "Xdp1", "Xdp2", "Xdp3" }, xdp.Programs.Select(p => p.Name));
            Assert.All(egress.Programs, p => Assert.Equal(ProgramType.CgroupSkb, p.Type));
            Assert.Equal(new[] { "TailContextMap", "TailPrograms" }, egress.Maps.Select(m => m.Name));
            Assert.All(egress.Programs.Concat(xdp.Programs), p => Assert.NotEmpty(p.SourceMap));

            string listing = File.ReadAllText(Path.Combine(output, "EgressChain.s"));
            string egressFile = sources.Single(s => s.EndsWith("EgressChain.cs"));
            Assert.Contains($"; {egressFile}:", listing);
            Assert.Contains(": var shared = TailContextMap.Lookup(0);", listing);
            Assert.Contains("r2 = map[TailPrograms] ll", listing);
            Assert.Contains("\nEgress3:\n", listing);
            Assert.Contains("EgressChain: 3 programs (Egress1, Egress2, Egress3), 2 maps", run.Output);
        }

        [Fact]
        public void A_file_with_errors_prints_csc_style_diagnostics_with_ids_and_locations_and_exits_1()
        {
            using var work = new TempDirectory();
            string bad = work["Bad.cs"];
            File.WriteAllText(bad, string.Join("\n",
                "using Ebpf.Dsl;",
                "public static class Bad",
                "{",
                "    [Xdp]",
                "    public static XdpAction Halve(XdpContext ctx)",
                "    {",
                "        double half = 1.5;",
                "        return half > 10 ? XdpAction.Drop : XdpAction.Pass;",
                "    }",
                "}",
                string.Empty));

            CompileRun run = CompileRun.Of(bad, "-o", work["out"]);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains($"{bad}(7,9): error EBPF2004:", run.Error);
            Assert.All(run.Error.Split('\n', System.StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith(bad + "(", line));
            Assert.False(Directory.Exists(work["out"]) && Directory.EnumerateFiles(work["out"]).Any());

            CompileRun json = CompileRun.Of(bad, "-o", work["out"], "--json");
            Assert.Equal(1, json.ExitCode);
            JsonElement report = JsonDocument.Parse(json.Output).RootElement;
            Assert.False(report.GetProperty("succeeded").GetBoolean());
            JsonElement first = report.GetProperty("diagnostics").EnumerateArray().First(d => d.GetProperty("id").GetString() == "EBPF2004");
            Assert.Equal((7, 9, "error"), (first.GetProperty("line").GetInt32(), first.GetProperty("column").GetInt32(), first.GetProperty("severity").GetString()));
        }

        [Fact]
        public void A_csharp_error_is_reported_like_csc_and_stops_before_the_ebpf_compiler()
        {
            using var work = new TempDirectory();
            string bad = work["Typo.cs"];
            File.WriteAllText(bad, "using Ebpf.Dsl;\npublic static class Typo\n{\n    [Xdp]\n    public static XdpAction Run(XdpContext ctx) => XdpAction.Pas;\n}\n");

            CompileRun run = CompileRun.Of(bad, "-o", work["out"]);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains($"{bad}(5,62): error CS0117:", run.Error);
        }

        [Fact]
        public void A_missing_file_is_one_line_and_exits_1()
        {
            using var work = new TempDirectory();
            CompileRun run = CompileRun.Of(work["Missing.cs"], "-o", work["out"]);

            Assert.Equal(1, run.ExitCode);
            Assert.StartsWith($"ebpf-compile: cannot read '{work["Missing.cs"]}': ", run.Error);
            Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        }

        [Fact]
        public void Sources_compile_against_the_sdks_reference_pack_when_there_is_one()
        {
            var paths = Ebpf.Compiler.Cli.PlatformReferences.Paths();
            string runtime = System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory();
            string pack = Path.Combine(runtime, "..", "..", "..", "packs", "Microsoft.NETCore.App.Ref", new DirectoryInfo(runtime.TrimEnd('/')).Name);

            Assert.Contains(paths, path => Path.GetFileName(path) == "System.Runtime.dll");
            Assert.All(paths, path => Assert.StartsWith(Directory.Exists(pack) ? Path.GetFullPath(pack) : runtime, path));
        }

        [Fact]
        public void Without_an_output_directory_it_is_a_usage_error()
        {
            CompileRun run = CompileRun.Of(CompileRun.TailChainSources());

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("--output", run.Error);
        }
    }
}

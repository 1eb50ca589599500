using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using Ebpf.Asm;
using Ebpf.Programs.TailChain;
using Xunit;

namespace Ebpf.Compiler.Tests.Golden
{
    /// <summary>
    /// Golden disassembly of every program that ships in Ebpf.Programs, as the build's generator compiled it (source lines
    /// interleaved, paths relative to the repository). A code-generation change shows up here as a reviewable diff;
    /// after checking it, regenerate with <c>EBPF_UPDATE_GOLDEN=1 dotnet test Compiler.Tests --filter Golden</c>.
    /// </summary>
    public sealed class ShippedProgramGoldenTests
    {
        public static TheoryData<string> Classes() => new() { nameof(EgressChain), nameof(XdpChain) };

        [Theory]
        [MemberData(nameof(Classes))]
        public void Shipped_program_listing_matches_its_golden_file(string programClass)
        {
            CollectionImage image = programClass switch
            {
                nameof(EgressChain) => EgressChain.Image,
                nameof(XdpChain) => XdpChain.Image,
                _ => throw new ArgumentOutOfRangeException(nameof(programClass)),
            };
            string actual = Listing(image);
            string golden = Path.Combine(Here(), programClass + ".lst");

            if (Environment.GetEnvironmentVariable("EBPF_UPDATE_GOLDEN") == "1")
            {
                File.WriteAllText(golden, actual);
            }

            Assert.True(File.Exists(golden), $"no golden file {golden}; run with EBPF_UPDATE_GOLDEN=1 once and review it");
            Assert.Equal(File.ReadAllText(golden).ReplaceLineEndings("\n"), actual);
        }

        private static string Listing(CollectionImage image)
        {
            string root = RepositoryRoot();
            var text = new List<string>();
            foreach (MapDefinition map in image.Maps)
            {
                text.Add($"; map {map.Name}: {map.Type}, key {map.KeySize} B, value {map.ValueSize} B, {map.MaxEntries} entries");
            }

            foreach (ProgramImage program in image.Programs)
            {
                text.Add(string.Empty);
                text.Add($"{program.Name}: ; {program.Type}, attach {program.ExpectedAttachType?.ToString() ?? "-"}, {program.SlotCount} slots");
                text.Add(Disassembler.List(program).Replace(root, string.Empty, StringComparison.Ordinal).ReplaceLineEndings("\n").TrimEnd('\n'));
            }

            return string.Join("\n", text) + "\n";
        }

        private static string RepositoryRoot() =>
            Path.GetFullPath(Path.Combine(Here(), "..", "..")) + Path.DirectorySeparatorChar;

        private static string Here([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using Ebpf.Asm;

namespace Ebpf.Compiler.Tests.Golden
{
    /// <summary>
    /// The text a golden file holds for one program class: its maps, then each program's header and its disassembly with
    /// the C# lines interleaved (paths relative to the repository, so the files do not depend on where it is checked out).
    /// </summary>
    internal static class GoldenListing
    {
        /// <summary>Set to 1 to rewrite the golden files from what the generator compiled instead of comparing.</summary>
        public const string UpdateVariable = "EBPF_UPDATE_GOLDEN";

        /// <summary>The command that regenerates every golden file (printed with each failure).</summary>
        public const string UpdateCommand = UpdateVariable + "=1 dotnet test Compiler.Tests --filter FullyQualifiedName~Golden";

        /// <summary>Whether this run rewrites the golden files.</summary>
        public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

        /// <summary>The directory that holds the golden files (this source directory, not the build output).</summary>
        public static string Directory => Here();

        /// <summary>The golden file of the program class named <paramref name="className"/> (its simple name).</summary>
        public static string FileOf(string className) => Path.Combine(Here(), className + ".lst");

        /// <summary>The header line that starts a program's listing; the coverage test looks for it.</summary>
        public static string ProgramHeaderStart(string programName) => programName + ": ;";

        /// <summary>The listing of every map and program of <paramref name="image"/>.</summary>
        public static string Of(CollectionImage image)
        {
            string root = RepositoryRoot();
            var text = new List<string>();
            foreach (MapDefinition map in image.Maps)
            {
                text.Add($"; map {map.Name}: {map.Type}, key {map.KeySize} B, value {map.ValueSize} B, {map.MaxEntries} entries");
            }

            foreach (ProgramImage program in image.Programs)
            {
                string slot = program.DefaultSlot is int defaultSlot ? $", slot program (default slot {defaultSlot})" : string.Empty;
                text.Add(string.Empty);
                text.Add($"{ProgramHeaderStart(program.Name)} {program.Type}, attach {program.ExpectedAttachType?.ToString() ?? "-"}, {program.SlotCount} slots{slot}");
                text.Add(Disassembler.List(program).Replace(root, string.Empty, StringComparison.Ordinal).ReplaceLineEndings("\n").TrimEnd('\n'));
            }

            return string.Join("\n", text) + "\n";
        }

        private static string RepositoryRoot() =>
            Path.GetFullPath(Path.Combine(Here(), "..", "..")) + Path.DirectorySeparatorChar;

        private static string Here([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
    }
}

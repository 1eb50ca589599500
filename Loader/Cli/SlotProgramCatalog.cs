using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Loader.Skeletons;

namespace Ebpf.Loader.Cli
{
    /// <summary>
    /// Finds a slot program (<c>[XdpSlot(k)]</c>) by method name among the images embedded in a program assembly: the
    /// shipped Ebpf.Programs (which the loader references) or a user's assembly, read as metadata only.
    /// </summary>
    public static class SlotProgramCatalog
    {
        /// <summary>The program class image holding slot program <paramref name="programName"/>.</summary>
        /// <param name="programName">The slot program's method name (its kernel name).</param>
        /// <param name="assemblyPath">A program assembly; null for the shipped Ebpf.Programs.</param>
        /// <exception cref="CliException">No such assembly, no such program, not a slot program, or the name is ambiguous.</exception>
        public static CollectionImage Find(string programName, string? assemblyPath)
        {
            IReadOnlyDictionary<string, CollectionImage> images = Images(assemblyPath, out string source);
            var found = images.Where(image => image.Value.Programs.Any(p => p.Name == programName)).ToList();
            var slotPrograms = images.Values.SelectMany(image => image.Programs).Where(p => p.DefaultSlot is not null)
                .Select(p => $"{p.Name} (slot {p.DefaultSlot})").OrderBy(text => text, StringComparer.Ordinal).ToList();
            if (found.Count == 0)
            {
                string known = slotPrograms.Count == 0 ? "it has none" : "it has " + string.Join(", ", slotPrograms);
                throw new CliException($"PROGRAM: no slot program named '{programName}' in {source} ({known})");
            }

            if (found.Count > 1)
            {
                throw new CliException($"PROGRAM: '{programName}' is declared by {string.Join(" and ", found.Select(f => f.Key))} in {source}");
            }

            if (found[0].Value.Programs.First(p => p.Name == programName).DefaultSlot is null)
            {
                throw new CliException($"PROGRAM: '{programName}' in {found[0].Key} is not a slot program (it has no [XdpSlot(k)] attribute)");
            }

            return found[0].Value;
        }

        /// <summary>Every slot program of the assembly: (class, program name, default slot).</summary>
        public static IEnumerable<(string ProgramClass, string Program, int DefaultSlot)> List(string? assemblyPath) =>
            Images(assemblyPath, out _)
                .SelectMany(image => image.Value.Programs.Where(p => p.DefaultSlot is not null).Select(p => (image.Key, p.Name, p.DefaultSlot!.Value)))
                .OrderBy(entry => entry.Item3);

        private static IReadOnlyDictionary<string, CollectionImage> Images(string? assemblyPath, out string source)
        {
            if (assemblyPath is null)
            {
                var shipped = typeof(Ebpf.Programs.RootArray.XdpRoot).Assembly;
                source = shipped.GetName().Name + " (the shipped programs)";
                return EmbeddedCollections.ReadAll(shipped);
            }

            source = assemblyPath;
            if (!File.Exists(assemblyPath))
            {
                throw new CliException($"--assembly: no such file: {assemblyPath}");
            }

            try
            {
                return EmbeddedCollections.ReadAll(assemblyPath);
            }
            catch (Exception error) when (error is BadImageFormatException or InvalidDataException)
            {
                throw new CliException($"--assembly: {assemblyPath} is not a program assembly with embedded images: {error.Message}");
            }
        }
    }
}

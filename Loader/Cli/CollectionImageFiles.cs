using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Asm.Serialization;
using Ebpf.Loader.Skeletons;

namespace Ebpf.Loader.Cli
{
    /// <summary>
    /// Reads collection images for the CLI, as data only: the images a program assembly embeds (read from its
    /// metadata by <see cref="EmbeddedCollections.ReadAll(string)"/>; the assembly is never loaded, so none of its code
    /// runs in this root process) or a <c>.ebpfimg</c> file written by <c>ebpf-compile</c>. Failures become one-line
    /// <see cref="CliException"/>s.
    /// </summary>
    public static class CollectionImageFiles
    {
        /// <summary>Every image embedded in the assembly at <paramref name="path"/>, by program class (full metadata name).</summary>
        public static IReadOnlyDictionary<string, CollectionImage> FromAssembly(string path)
        {
            IReadOnlyDictionary<string, CollectionImage> images;
            try
            {
                images = EmbeddedCollections.ReadAll(path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot read '{path}': {exception.Message}");
            }
            catch (BadImageFormatException)
            {
                throw new CliException($"'{path}' is not a .NET assembly");
            }
            catch (InvalidDataException exception)
            {
                throw new CliException($"'{path}': an embedded eBPF image is malformed: {exception.Message}");
            }

            return images.Count > 0
                ? images
                : throw new CliException($"'{path}' embeds no eBPF images (is Ebpf.Compiler wired into its project as an analyzer? see docs/generator.md)");
        }

        /// <summary>The image of one class in the assembly at <paramref name="path"/>: by full or simple name, or the only one.</summary>
        public static IReadOnlyList<KeyValuePair<string, CollectionImage>> FromAssembly(string path, string? programClass)
        {
            IReadOnlyDictionary<string, CollectionImage> images = FromAssembly(path);
            if (programClass is null)
            {
                return images.OrderBy(pair => pair.Key, StringComparer.Ordinal).ToList();
            }

            var matches = images.Where(pair => pair.Key == programClass || SimpleName(pair.Key) == programClass).ToList();
            return matches.Count switch
            {
                1 => matches,
                0 => throw new CliException($"'{path}' has no program class '{programClass}' (it has: {string.Join(", ", images.Keys.OrderBy(k => k, StringComparer.Ordinal))})"),
                _ => throw new CliException($"'{programClass}' is ambiguous in '{path}': {string.Join(", ", matches.Select(m => m.Key))}; give the full name"),
            };
        }

        /// <summary>The image in a <c>.ebpfimg</c> file (<see cref="CollectionImageSerializer"/> format).</summary>
        public static CollectionImage FromFile(string path)
        {
            try
            {
                return CollectionImageSerializer.Deserialize(File.ReadAllBytes(path));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot read '{path}': {exception.Message}");
            }
            catch (Exception exception) when (exception is InvalidDataException or EndOfStreamException or ArgumentException)
            {
                throw new CliException($"'{path}' is not a collection image: {exception.Message}");
            }
        }

        /// <summary>A class's name without namespace or containing types: <c>Ebpf.Programs.TailChain.EgressChain</c> → <c>EgressChain</c>.</summary>
        public static string SimpleName(string programClass)
        {
            int cut = Math.Max(programClass.LastIndexOf('.'), programClass.LastIndexOf('+'));
            return programClass.Substring(cut + 1);
        }
    }
}

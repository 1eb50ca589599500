using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Loader.Loading;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Pinning;
using Ebpf.Loader.Programs;

namespace Ebpf.Loader.Cli
{
    /// <summary>
    /// Loads one collection and pins every program and map flat in one bpffs directory (<c>DIR/&lt;name&gt;</c>), so the
    /// programs, and the PROG_ARRAY entries that chain them, outlive the process. All or nothing: on any failure the pins
    /// made so far are removed and every fd is closed.
    /// </summary>
    public static class PinnedCollectionLoader
    {
        /// <summary>Loads <paramref name="image"/> and pins it under <paramref name="directory"/>.</summary>
        /// <param name="programClass">The class the image came from (for messages and the result).</param>
        /// <param name="image">The collection.</param>
        /// <param name="directory">The bpffs directory; it must not already hold this collection's programs.</param>
        public static LoadedCollectionRow Load(string programClass, CollectionImage image, string directory)
        {
            BpfFsPaths.RequireBpfFs(directory, "--pin");
            string? clash = image.Programs.Select(p => p.Name).Intersect(image.Maps.Select(m => m.Name)).FirstOrDefault();
            if (clash is not null)
            {
                throw new CliException($"{programClass}: a program and a map are both named '{clash}'; their pins would collide");
            }

            string? taken = image.Programs.Select(p => Path.Combine(directory, p.Name))
                .Concat(image.Maps.Where(m => m.Pinning != MapPinning.ByName).Select(m => Path.Combine(directory, m.Name)))
                .FirstOrDefault(BpfFs.Exists);
            if (taken is not null)
            {
                throw new CliException($"{programClass} is already loaded: {taken} exists (remove {directory} to unload it)");
            }

            bool created = !BpfFs.Exists(directory);
            var before = image.Maps.Select(m => Path.Combine(directory, m.Name)).Where(BpfFs.Exists).ToHashSet();
            BpfFs.CreateDirectory(directory);
            LoadedCollection collection;
            try
            {
                collection = Collection.Load(image, new LoadOptions { PinDirectory = directory });
            }
            catch (CollectionException exception)
            {
                RemovePins(Array.Empty<string>(), directory, created);
                throw new CliException($"{programClass}: {exception.Message}");
            }
            catch
            {
                // Collection.Load closes what it created, but the pins it made for ByName maps stay: remove them too.
                RemovePins(image.Maps.Select(m => Path.Combine(directory, m.Name)).Where(path => !before.Contains(path)), directory, created);
                throw;
            }

            var pinned = new List<string>();
            using (collection)
            {
                try
                {
                    var maps = new List<LoadedMapRow>();
                    foreach (MapDefinition definition in image.Maps)
                    {
                        BpfMap map = collection.Map(definition.Name);
                        if (!collection.PinPaths.TryGetValue(definition.Name, out string? path))
                        {
                            path = Path.Combine(directory, definition.Name);
                            map.Pin(path);
                            pinned.Add(path);
                        }

                        maps.Add(new LoadedMapRow(definition.Name, map.Id, TextTable.Kernel(map.Type.ToString()), path));
                    }

                    var programs = new List<LoadedProgramRow>();
                    foreach (ProgramImage definition in image.Programs)
                    {
                        BpfProgram program = collection.Program(definition.Name);
                        string path = Path.Combine(directory, definition.Name);
                        program.Pin(path);
                        pinned.Add(path);
                        ProgramInfo info = program.Info();
                        programs.Add(new LoadedProgramRow(definition.Name, info.Id, TextTable.Kernel(info.Type.ToString()), info.VerifiedInstructions, path));
                    }

                    return new LoadedCollectionRow(programClass, directory, programs, maps)
                    {
                        CreatedPins = pinned.Concat(collection.PinPaths.Values.Where(path => !before.Contains(path))).ToList(),
                    };
                }
                catch
                {
                    RemovePins(pinned.Concat(collection.PinPaths.Values.Where(path => !before.Contains(path))), directory, created);
                    throw;
                }
            }
        }

        /// <summary>Removes the pins <see cref="Load"/> made for <paramref name="loaded"/>: its programs and the maps it created go away.</summary>
        public static void Unpin(LoadedCollectionRow loaded) => RemovePins(loaded.CreatedPins, loaded.PinDirectory, removeDirectory: true);

        private static void RemovePins(IEnumerable<string> paths, string directory, bool removeDirectory)
        {
            foreach (string path in paths)
            {
                BpfFs.Unpin(path);
            }

            if (removeDirectory && Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
            {
                Directory.Delete(directory);
            }
        }
    }
}

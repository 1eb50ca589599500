using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Loader.Loading;
using Ebpf.Loader.Maps;

namespace Ebpf.Benchmarks.SideBySide
{
    /// <summary>
    /// What a suite loads with: the clang objects by stem, a bpffs directory for this run's pins, and the list of
    /// everything loaded so far (closed in reverse order by the command; the pins go with the directory).
    /// </summary>
    internal sealed class SuiteContext
    {
        private readonly IReadOnlyDictionary<string, string> _objects;
        private readonly string _pinRoot;
        private readonly List<IDisposable> _owned;

        /// <summary>Creates the context; <paramref name="owned"/> receives every collection loaded through it.</summary>
        public SuiteContext(IReadOnlyDictionary<string, string> objects, string pinRoot, List<IDisposable> owned)
        {
            _objects = objects;
            _pinRoot = pinRoot;
            _owned = owned;
        }

        /// <summary>Adds <paramref name="disposable"/> to what the command disposes at the end, and returns it.</summary>
        public T Own<T>(T disposable)
            where T : IDisposable
        {
            _owned.Add(disposable);
            return disposable;
        }

        /// <summary>Loads our <paramref name="image"/>; maps pinned by name go to a directory of their own (<paramref name="label"/>).</summary>
        public LoadedCollection LoadOurs(CollectionImage image, string label)
        {
            LoadedCollection collection = Collection.Load(image, new LoadOptions { PinDirectory = Path.Combine(_pinRoot, "ours-" + label) });
            _owned.Add(collection);
            return collection;
        }

        /// <summary>Loads the C object <paramref name="stem"/> with bpftool under a directory of its own (<paramref name="label"/>).</summary>
        public BpftoolCollection LoadClang(string stem, string bpftoolType, string label)
        {
            if (!_objects.TryGetValue(stem, out string? path))
            {
                throw new InvalidOperationException($"build-c.sh built no {stem}.bpf.o (it built: {string.Join(", ", _objects.Keys)})");
            }

            BpftoolCollection collection = BpftoolCollection.Load(path, bpftoolType, Path.Combine(_pinRoot, "clang-" + label));
            _owned.Add(collection);
            return collection;
        }

        /// <summary>
        /// Fails unless every map the two sides share by name has the same type, key size, value size and entries:
        /// a C twin that drifted from the DSL program's layout would otherwise be measured against different work.
        /// </summary>
        public static void CheckSameMaps(string suite, LoadedCollection ours, BpftoolCollection clang, IEnumerable<string> names)
        {
            foreach (string name in names)
            {
                BpfMap mine = ours.Map(name);
                BpfMap theirs = clang.Map(name);
                if (mine.Type != theirs.Type || mine.KeySize != theirs.KeySize || mine.ValueSize != theirs.ValueSize || mine.MaxEntries != theirs.MaxEntries)
                {
                    throw new InvalidOperationException(
                        $"{suite}: map {name} differs: ours {mine.Type} key {mine.KeySize} value {mine.ValueSize} entries {mine.MaxEntries}, " +
                        $"clang {theirs.Type} key {theirs.KeySize} value {theirs.ValueSize} entries {theirs.MaxEntries}; update the C twin");
                }
            }
        }

        /// <summary>The names of the maps our image declares.</summary>
        public static IEnumerable<string> MapNames(CollectionImage image) => image.Maps.Select(map => map.Name);
    }
}

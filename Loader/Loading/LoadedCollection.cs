using System;
using System.Collections.Generic;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Programs;

namespace Ebpf.Loader.Loading
{
    /// <summary>
    /// The maps and programs of a loaded <see cref="Asm.CollectionImage"/>, by name. Disposing closes every fd:
    /// unpinned maps and programs go away, and PROG_ARRAY entries vanish with the array's last user reference.
    /// </summary>
    public sealed class LoadedCollection : IDisposable
    {
        internal LoadedCollection(IReadOnlyDictionary<string, BpfMap> maps, IReadOnlyDictionary<string, BpfProgram> programs, IReadOnlyDictionary<string, string> pinPaths)
        {
            Maps = maps;
            Programs = programs;
            PinPaths = pinPaths;
        }

        /// <summary>Maps by name.</summary>
        public IReadOnlyDictionary<string, BpfMap> Maps { get; }

        /// <summary>Programs by name.</summary>
        public IReadOnlyDictionary<string, BpfProgram> Programs { get; }

        /// <summary>Where each pinned map is pinned, by map name.</summary>
        public IReadOnlyDictionary<string, string> PinPaths { get; }

        /// <summary>The map named <paramref name="name"/>.</summary>
        public BpfMap Map(string name) =>
            Maps.TryGetValue(name, out BpfMap? map) ? map : throw new KeyNotFoundException($"the collection has no map '{name}' (it has: {string.Join(", ", Maps.Keys)})");

        /// <summary>The program named <paramref name="name"/>.</summary>
        public BpfProgram Program(string name) =>
            Programs.TryGetValue(name, out BpfProgram? program) ? program : throw new KeyNotFoundException($"the collection has no program '{name}' (it has: {string.Join(", ", Programs.Keys)})");

        /// <inheritdoc />
        public void Dispose()
        {
            foreach (BpfProgram program in Programs.Values)
            {
                program.Dispose();
            }

            foreach (BpfMap map in Maps.Values)
            {
                map.Dispose();
            }
        }
    }
}

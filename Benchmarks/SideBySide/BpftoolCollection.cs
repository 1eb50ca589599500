using System;
using System.Collections.Generic;
using System.IO;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Pinning;
using Ebpf.Loader.Programs;

namespace Ebpf.Benchmarks.SideBySide
{
    /// <summary>
    /// A clang-built object loaded by <c>bpftool prog loadall</c> (libbpf inside bpftool, never inside the product):
    /// its programs and maps are pinned under a directory of its own, opened with <see cref="BpfProgram.OpenPinned"/>
    /// and <see cref="BpfMap.OpenPinned"/>, and unpinned again on <see cref="Dispose"/>.
    /// </summary>
    internal sealed class BpftoolCollection : IDisposable
    {
        private readonly string _pinDirectory;
        private readonly Dictionary<string, BpfProgram> _programs = new(StringComparer.Ordinal);
        private readonly Dictionary<string, BpfMap> _maps = new(StringComparer.Ordinal);

        private BpftoolCollection(string pinDirectory)
        {
            _pinDirectory = pinDirectory;
        }

        /// <summary>Loads <paramref name="objectPath"/> with every program typed as <paramref name="bpftoolType"/> (<c>xdp</c>, <c>cgroup_skb/egress</c>).</summary>
        public static BpftoolCollection Load(string objectPath, string bpftoolType, string pinDirectory)
        {
            BpfFs.EnsureMounted();
            var collection = new BpftoolCollection(pinDirectory);
            try
            {
                Directory.CreateDirectory(pinDirectory);
                string programs = Path.Combine(pinDirectory, "progs");
                string maps = Path.Combine(pinDirectory, "maps");
                ExternalTool.Run("bpftool", new[] { "prog", "loadall", objectPath, programs, "type", bpftoolType, "pinmaps", maps });
                foreach (string path in Directory.GetFiles(programs))
                {
                    collection._programs[Path.GetFileName(path)] = BpfProgram.OpenPinned(path);
                }

                foreach (string path in Directory.GetFiles(maps))
                {
                    collection._maps[Path.GetFileName(path)] = BpfMap.OpenPinned(path);
                }

                return collection;
            }
            catch
            {
                collection.Dispose();
                throw;
            }
        }

        /// <summary>The program pinned as <paramref name="name"/> (the C function's name).</summary>
        public BpfProgram Program(string name) =>
            _programs.TryGetValue(name, out BpfProgram? program)
                ? program
                : throw new KeyNotFoundException($"the C object has no program '{name}' (it has: {string.Join(", ", _programs.Keys)})");

        /// <summary>The map pinned as <paramref name="name"/> (the C variable's name).</summary>
        public BpfMap Map(string name) =>
            _maps.TryGetValue(name, out BpfMap? map)
                ? map
                : throw new KeyNotFoundException($"the C object has no map '{name}' (it has: {string.Join(", ", _maps.Keys)})");

        /// <summary>Puts <paramref name="program"/> into slot <paramref name="slot"/> of the PROG_ARRAY <paramref name="map"/>.</summary>
        public void SetSlot(string map, int slot, string program) =>
            new ProgramArrayView(Map(map)).Set(slot, Program(program));

        /// <summary>Closes the fds and removes every pin (the kernel then frees the objects).</summary>
        public void Dispose()
        {
            foreach (BpfProgram program in _programs.Values)
            {
                program.Dispose();
            }

            foreach (BpfMap map in _maps.Values)
            {
                map.Dispose();
            }

            if (Directory.Exists(_pinDirectory))
            {
                Directory.Delete(_pinDirectory, recursive: true);
            }
        }
    }
}

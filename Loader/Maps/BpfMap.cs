using System;
using System.Collections.Generic;
using Ebpf.Asm;
using Ebpf.Loader.Pinning;
using Ebpf.Loader.Sys;

namespace Ebpf.Loader.Maps
{
    /// <summary>
    /// A kernel map this process holds an fd to: created from a <see cref="MapDefinition"/>, or opened from a
    /// pin path or a map id. Element access works on raw bytes here; the typed views
    /// (<see cref="ArrayView{T}"/>, <see cref="HashView{TKey, TValue}"/> …) sit on top.
    /// </summary>
    public sealed partial class BpfMap : IDisposable
    {
        private BpfMap(BpfFd fd)
        {
            Fd = fd;
            Info = ReadInfo(fd);
        }

        /// <summary>The fd that keeps the map alive.</summary>
        public BpfFd Fd { get; }

        /// <summary>What the kernel reported when this handle was made.</summary>
        public MapInfo Info { get; }

        /// <summary>The name the kernel kept.</summary>
        public string Name => Info.Name;

        /// <summary>The map type.</summary>
        public MapType Type => Info.Type;

        /// <summary>Key size in bytes.</summary>
        public int KeySize => Info.KeySize;

        /// <summary>Value size in bytes; per CPU for per-CPU maps.</summary>
        public int ValueSize => Info.ValueSize;

        /// <summary>Capacity.</summary>
        public int MaxEntries => Info.MaxEntries;

        /// <summary>map_flags.</summary>
        public uint Flags => Info.Flags;

        /// <summary>The kernel-wide map id.</summary>
        public uint Id => Info.Id;

        /// <summary>True for PERCPU_ARRAY, PERCPU_HASH, LRU_PERCPU_HASH and PERCPU_CGROUP_STORAGE.</summary>
        public bool IsPerCpu => IsPerCpuType(Type);

        /// <summary>
        /// The bytes a lookup writes for one value: <see cref="ValueSize"/>, or for per-CPU maps
        /// possible CPUs × round_up(value_size, 8).
        /// </summary>
        public int ValueBufferSize => IsPerCpu ? PossibleCpus.Count * PossibleCpus.Stride(ValueSize) : ValueSize;

        /// <summary>Creates a map. Kernel: BPF_MAP_CREATE.</summary>
        /// <exception cref="BpfException">The kernel refused; the message says why.</exception>
        public static unsafe BpfMap Create(MapDefinition definition)
        {
            if (definition is null)
            {
                throw new ArgumentNullException(nameof(definition));
            }

            var attr = new MapCreateAttr
            {
                MapType = (uint)definition.Type,
                KeySize = (uint)definition.KeySize,
                ValueSize = (uint)definition.ValueSize,
                MaxEntries = (uint)definition.MaxEntries,
                MapFlags = definition.Flags,
            };
            ObjectName.Write(definition.Name, attr.MapName);
            long result = BpfSyscall.TryInvoke(BpfCommand.MapCreate, ref attr);
            if (result == -22 && definition.Name.Length > 0)
            {
                // Kernels before 4.15 know no map_name; retry without it.
                new Span<byte>(attr.MapName, ObjectName.Length).Clear();
                result = BpfSyscall.TryInvoke(BpfCommand.MapCreate, ref attr);
            }

            if (result < 0)
            {
                throw new BpfException(BpfCommand.MapCreate, (int)-result, DescribeCreateFailure(definition, (int)-result));
            }

            return new BpfMap(BpfFd.Adopt((int)result));
        }

        /// <summary>Opens the map pinned at <paramref name="path"/>. Kernel: BPF_OBJ_GET.</summary>
        public static BpfMap OpenPinned(string path) => Adopt(BpfFs.Get(path));

        /// <summary>
        /// Opens the maps pinned as <paramref name="names"/> in <paramref name="directory"/>, in that order; when one is
        /// missing or cannot be opened, closes those already opened and throws.
        /// </summary>
        /// <exception cref="System.IO.FileNotFoundException">No map is pinned under one of the names.</exception>
        public static BpfMap[] OpenPinned(string directory, params string[] names) => OpenPinned(directory, names, maps => maps);

        /// <summary>
        /// <see cref="OpenPinned(string, string[])"/>, then <paramref name="wrap"/> over the open maps; when it throws, the
        /// maps are closed too.
        /// </summary>
        public static T OpenPinned<T>(string directory, string[] names, Func<BpfMap[], T> wrap)
        {
            var opened = new List<BpfMap>(names.Length);
            try
            {
                foreach (string name in names)
                {
                    string path = System.IO.Path.Combine(directory, name);
                    if (!System.IO.File.Exists(path))
                    {
                        throw new System.IO.FileNotFoundException($"no map pinned at {path}", path);
                    }

                    opened.Add(OpenPinned(path));
                }

                return wrap(opened.ToArray());
            }
            catch
            {
                opened.ForEach(map => map.Dispose());
                throw;
            }
        }

        /// <summary>Opens the map with kernel id <paramref name="id"/>. Kernel: BPF_MAP_GET_FD_BY_ID.</summary>
        public static BpfMap OpenById(uint id)
        {
            var attr = new ObjectIdAttr { Id = id };
            return Adopt(BpfSyscall.InvokeForFd(BpfCommand.MapGetFdById, ref attr));
        }

        /// <summary>Wraps an fd that refers to a map; the map takes ownership.</summary>
        public static BpfMap Adopt(BpfFd fd)
        {
            try
            {
                return new BpfMap(fd);
            }
            catch
            {
                fd.Dispose();
                throw;
            }
        }

        /// <summary>Pins the map at <paramref name="path"/> in bpffs. Kernel: BPF_OBJ_PIN.</summary>
        public void Pin(string path) => BpfFs.Pin(Fd, path);

        /// <summary>Reads the map's info again (ids and sizes do not change; this checks the fd is a map).</summary>
        public static unsafe MapInfo ReadInfo(BpfFd fd)
        {
            var info = default(KernelMapInfo);
            ObjectInfoReader.Read(fd, ref info);
            return new MapInfo(
                info.Id,
                (MapType)info.Type,
                ObjectName.Read(info.Name),
                (int)info.KeySize,
                (int)info.ValueSize,
                (int)info.MaxEntries,
                info.MapFlags,
                info.BtfId);
        }

        /// <inheritdoc />
        public void Dispose() => Fd.Dispose();

        /// <inheritdoc />
        public override string ToString() => $"map {Name} ({Type}, id {Id})";

        internal static bool IsPerCpuType(MapType type) =>
            type == MapType.PerCpuArray || type == MapType.PerCpuHash || type == MapType.LruPerCpuHash ||
            type == MapType.PerCpuCgroupStorage;

        private static string? DescribeCreateFailure(MapDefinition definition, int errno)
        {
            if (errno == 22 && definition.Type == MapType.LpmTrie && (definition.Flags & 1) == 0)
            {
                return $"map '{definition.Name}': LPM_TRIE needs map_flags BPF_F_NO_PREALLOC (1)";
            }

            if (errno == 22)
            {
                return $"map '{definition.Name}': the kernel rejected type {definition.Type}, key {definition.KeySize} B, " +
                       $"value {definition.ValueSize} B, max_entries {definition.MaxEntries}, flags 0x{definition.Flags:x}";
            }

            string? cause = ErrnoNames.LikelyCause(BpfCommand.MapCreate, errno);
            return cause is null ? $"map '{definition.Name}'" : $"map '{definition.Name}': {cause}";
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using Ebpf.Asm;
using Ebpf.Dsl.Maps;
using Ebpf.Loader.Loading;
using Ebpf.Loader.Maps;

namespace Ebpf.Verifier.Tests.Differential
{
    /// <summary>
    /// Map contents as comparable text, one line per key (and CPU for per-CPU maps): "Map[key hex] cpuN = value hex".
    /// Kernel side from BPF_MAP_GET_NEXT_KEY/LOOKUP, CLR side from the Dsl map objects (the program class's static fields).
    /// Array and per-CPU array entries are listed only when non-zero (the kernel has every index; both start zeroed).
    /// </summary>
    internal static class MapSnapshots
    {
        private const BindingFlags StaticFields = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;

        /// <summary>The Dsl map fields of <paramref name="programClass"/> whose contents are compared (not program arrays).</summary>
        public static IReadOnlyList<FieldInfo> ComparedFields(Type programClass) =>
            programClass.GetFields(StaticFields)
                .Where(field => field.FieldType.IsGenericType && Comparable(field.FieldType.GetGenericTypeDefinition()))
                .OrderBy(field => field.Name, StringComparer.Ordinal)
                .ToList();

        /// <summary>Empties every compared map of <paramref name="programClass"/> (a fresh CLR machine).</summary>
        public static void ClearClr(Type programClass)
        {
            foreach (FieldInfo field in ComparedFields(programClass))
            {
                field.FieldType.GetMethod("Clear")!.Invoke(field.GetValue(null), null);
            }
        }

        /// <summary>The kernel's contents of the maps named like <paramref name="fields"/>.</summary>
        public static SortedSet<string> ReadKernel(LoadedCollection collection, IReadOnlyList<FieldInfo> fields)
        {
            var lines = new SortedSet<string>(StringComparer.Ordinal);
            foreach (FieldInfo field in fields)
            {
                BpfMap map = collection.Map(field.Name);
                int stride = map.IsPerCpu ? PossibleCpus.Stride(map.ValueSize) : map.ValueSize;
                List<byte[]> keys = map.Keys().ToList();
                if (map.Type == MapType.Hash || map.Type == MapType.LruHash)
                {
                    lines.Add($"{field.Name} count = {keys.Count}");
                }

                foreach (byte[] key in keys)
                {
                    byte[]? value = map.Lookup(key);
                    if (value is null)
                    {
                        continue;
                    }

                    int cpus = map.IsPerCpu ? PossibleCpus.Count : 1;
                    for (int cpu = 0; cpu < cpus; cpu++)
                    {
                        byte[] one = value.AsSpan(cpu * stride, map.ValueSize).ToArray();
                        Add(lines, field.Name, key, map.IsPerCpu ? cpu : -1, one, IsArray(map.Type));
                    }
                }
            }

            return lines;
        }

        /// <summary>The CLR's contents of <paramref name="fields"/>; hash maps are probed with the kernel's keys and
        /// their sizes compared, which together equal a full comparison.</summary>
        public static SortedSet<string> ReadClr(IReadOnlyList<FieldInfo> fields, LoadedCollection keysFrom, int cpus)
        {
            var lines = new SortedSet<string>(StringComparer.Ordinal);
            foreach (FieldInfo field in fields)
            {
                object map = field.GetValue(null)!;
                Type[] arguments = field.FieldType.GetGenericArguments();
                Type definition = field.FieldType.GetGenericTypeDefinition();
                MethodInfo reader = typeof(MapSnapshots).GetMethod(definition.Name.Split('`')[0], BindingFlags.NonPublic | BindingFlags.Static)!
                    .MakeGenericMethod(arguments);
                reader.Invoke(null, new object[] { lines, field.Name, map, keysFrom.Map(field.Name), cpus });
            }

            return lines;
        }

        private static bool Comparable(Type definition) =>
            definition == typeof(ArrayMap<>) || definition == typeof(PerCpuArrayMap<>) || definition == typeof(HashMap<,>) ||
            definition == typeof(LruHashMap<,>) || definition == typeof(PerCpuHashMap<,>);

        private static bool IsArray(MapType type) => type == MapType.Array || type == MapType.PerCpuArray;

        private static void ArrayMap<T>(SortedSet<string> lines, string name, ArrayMap<T> map, BpfMap kernel, int cpus)
            where T : unmanaged
        {
            for (uint i = 0; i < map.MaxEntries; i++)
            {
                T value = map.Lookup(i)!.Value;
                Add(lines, name, BitConverter.GetBytes(i), -1, Bytes(value), true);
            }
        }

        private static void PerCpuArrayMap<T>(SortedSet<string> lines, string name, PerCpuArrayMap<T> map, BpfMap kernel, int cpus)
            where T : unmanaged
        {
            for (uint i = 0; i < map.MaxEntries; i++)
            {
                T[] values = map.ReadAllCpus(i);
                for (int cpu = 0; cpu < cpus; cpu++)
                {
                    Add(lines, name, BitConverter.GetBytes(i), cpu, cpu < values.Length ? Bytes(values[cpu]) : new byte[kernel.ValueSize], true);
                }
            }
        }

        private static void HashMap<TKey, TValue>(SortedSet<string> lines, string name, HashMap<TKey, TValue> map, BpfMap kernel, int cpus)
            where TKey : unmanaged
            where TValue : unmanaged
        {
            lines.Add($"{name} count = {map.Count}");
            foreach (byte[] key in kernel.Keys().ToList())
            {
                MapValue<TValue>? value = map.Lookup(MemoryMarshal.Read<TKey>(key));
                if (value is not null)
                {
                    Add(lines, name, key, -1, Bytes(value.Value), false);
                }
            }
        }

        private static void LruHashMap<TKey, TValue>(SortedSet<string> lines, string name, LruHashMap<TKey, TValue> map, BpfMap kernel, int cpus)
            where TKey : unmanaged
            where TValue : unmanaged
        {
            lines.Add($"{name} count = {map.Count}");
            foreach (byte[] key in kernel.Keys().ToList())
            {
                MapValue<TValue>? value = map.Lookup(MemoryMarshal.Read<TKey>(key));
                if (value is not null)
                {
                    Add(lines, name, key, -1, Bytes(value.Value), false);
                }
            }
        }

        private static void PerCpuHashMap<TKey, TValue>(SortedSet<string> lines, string name, PerCpuHashMap<TKey, TValue> map, BpfMap kernel, int cpus)
            where TKey : unmanaged
            where TValue : unmanaged
        {
            foreach (byte[] key in kernel.Keys().ToList())
            {
                for (int cpu = 0; cpu < cpus; cpu++)
                {
                    MapValue<TValue>? value = map.LookupOnCpu(MemoryMarshal.Read<TKey>(key), (uint)cpu);
                    if (value is not null)
                    {
                        Add(lines, name, key, cpu, Bytes(value.Value), false);
                    }
                }
            }
        }

        private static byte[] Bytes<T>(T value)
            where T : unmanaged =>
            MemoryMarshal.AsBytes(MemoryMarshal.CreateReadOnlySpan(ref value, 1)).ToArray();

        private static void Add(SortedSet<string> lines, string map, byte[] key, int cpu, byte[] value, bool skipZero)
        {
            if (skipZero && value.All(b => b == 0))
            {
                return;
            }

            string where = cpu < 0 ? "" : $" cpu{cpu}";
            lines.Add($"{map}[{Convert.ToHexString(key)}]{where} = {Convert.ToHexString(value)}");
        }
    }
}

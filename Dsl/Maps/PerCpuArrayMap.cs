using System;
using Ebpf.Asm;

namespace Ebpf.Dsl.Maps
{
    /// <summary>
    /// An array with one copy of every entry per CPU: a program sees the copy of the CPU it runs on (under the CLR,
    /// <see cref="BpfRuntime.CurrentCpu"/>), so it can update without atomics. Every copy exists from creation, zeroed.
    /// </summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <remarks>Kernel: BPF_MAP_TYPE_PERCPU_ARRAY, since 4.6. User space reads all CPUs' copies at once, each padded
    /// to 8 bytes.</remarks>
    public sealed class PerCpuArrayMap<T>
        where T : unmanaged
    {
        private PerCpuValues<T>[] _entries;

        /// <summary>Declares the map.</summary>
        /// <param name="maxEntries">The number of entries (at least 1).</param>
        /// <param name="flags">Creation flags.</param>
        /// <param name="pinning">Whether the loader pins the map by name.</param>
        public PerCpuArrayMap(int maxEntries, MapFlags flags = MapFlags.None, MapPinning pinning = MapPinning.None)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
            MaxEntries = maxEntries;
            Flags = flags;
            Pinning = pinning;
            _entries = Create(maxEntries);
        }

        /// <summary>The number of entries (max_entries).</summary>
        public int MaxEntries { get; }

        /// <summary>Creation flags (map_flags).</summary>
        public MapFlags Flags { get; }

        /// <summary>Whether the loader pins the map.</summary>
        public MapPinning Pinning { get; }

        /// <summary>The current CPU's copy of the entry at <paramref name="index"/>, or null when out of range.</summary>
        /// <param name="index">The entry index.</param>
        /// <returns>The entry (a reference into the map), or null.</returns>
        /// <remarks>Kernel: <c>bpf_map_lookup_elem</c>, helper 1, since 4.6.</remarks>
        [HelperCall(1, "bpf_map_lookup_elem", "4.6")]
        public MapValue<T>? Lookup(uint index) => LookupOnCpu(index, BpfRuntime.Current.CurrentCpu);

        /// <summary>CPU <paramref name="cpu"/>'s copy of the entry at <paramref name="index"/>, or null when the index
        /// or the CPU is out of range.</summary>
        /// <param name="index">The entry index.</param>
        /// <param name="cpu">The CPU whose copy to return.</param>
        /// <returns>The entry, or null.</returns>
        /// <remarks>Kernel: <c>bpf_map_lookup_percpu_elem</c>, helper 195, since 5.19.</remarks>
        [HelperCall(195, "bpf_map_lookup_percpu_elem", "5.19")]
        public MapValue<T>? LookupOnCpu(uint index, uint cpu)
        {
            if (index >= (uint)MaxEntries || cpu >= (uint)BpfRuntime.Current.PossibleCpus)
            {
                return null;
            }

            return _entries[index].For((int)cpu);
        }

        /// <summary>Copies <paramref name="value"/> into the current CPU's copy of the entry.</summary>
        /// <param name="index">The entry index.</param>
        /// <param name="value">The new value.</param>
        /// <param name="flags">Any or Exist; NoExist always fails.</param>
        /// <returns>0; -EINVAL for unknown flags; -E2BIG for an index not below max_entries; -EEXIST for NoExist.</returns>
        /// <remarks>Kernel: <c>bpf_map_update_elem</c>, helper 2, since 4.6 (from a program: this CPU's copy only).</remarks>
        [HelperCall(2, "bpf_map_update_elem", "4.6")]
        public long Update(uint index, in T value, UpdateFlags flags = UpdateFlags.Any)
        {
            if (!UpdateRules.FlagsValid(flags))
            {
                return -Errno.EINVAL;
            }

            if (index >= (uint)MaxEntries)
            {
                return -Errno.E2BIG;
            }

            if (flags == UpdateFlags.NoExist)
            {
                return -Errno.EEXIST;
            }

            _entries[index].For((int)BpfRuntime.Current.CurrentCpu).Value = value;
            return 0;
        }

        /// <summary>Array entries cannot be deleted.</summary>
        /// <param name="index">The entry index.</param>
        /// <returns>Always -EINVAL.</returns>
        /// <remarks>Kernel: <c>bpf_map_delete_elem</c>, helper 3.</remarks>
        [HelperCall(3, "bpf_map_delete_elem", "4.6")]
        public long Delete(uint index) => -Errno.EINVAL;

        /// <summary>Every CPU's copy of an entry, as user space reads it (BPF_MAP_LOOKUP_ELEM on a per-CPU map).</summary>
        /// <param name="index">The entry index (must be in range).</param>
        /// <returns>One value per possible CPU.</returns>
        [ManagedOnly]
        public T[] ReadAllCpus(uint index)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, (uint)MaxEntries);
            var values = new T[BpfRuntime.Current.PossibleCpus];
            for (int cpu = 0; cpu < values.Length; cpu++)
            {
                values[cpu] = _entries[index].For(cpu).Value;
            }

            return values;
        }

        /// <summary>Zeroes every copy of every entry, as a newly created map.</summary>
        [ManagedOnly]
        public void Clear() => _entries = Create(MaxEntries);

        private static PerCpuValues<T>[] Create(int count)
        {
            var entries = new PerCpuValues<T>[count];
            for (int i = 0; i < count; i++)
            {
                entries[i] = new PerCpuValues<T>();
            }

            return entries;
        }
    }
}

using System;
using System.Collections.Generic;
using Ebpf.Asm;

namespace Ebpf.Dsl.Maps
{
    /// <summary>
    /// A hash table whose every entry holds one value per CPU: a program sees the value of the CPU it runs on.
    /// </summary>
    /// <typeparam name="TKey">The key type (its bytes are the key).</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <remarks>Kernel: BPF_MAP_TYPE_PERCPU_HASH, since 4.6.</remarks>
    public sealed class PerCpuHashMap<TKey, TValue>
        where TKey : unmanaged
        where TValue : unmanaged
    {
        private readonly Dictionary<MapKey, PerCpuValues<TValue>> _entries = new();

        /// <summary>Declares the map.</summary>
        /// <param name="maxEntries">The capacity (at least 1).</param>
        /// <param name="flags">Creation flags.</param>
        /// <param name="pinning">Whether the loader pins the map by name.</param>
        public PerCpuHashMap(int maxEntries, MapFlags flags = MapFlags.None, MapPinning pinning = MapPinning.None)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
            MaxEntries = maxEntries;
            Flags = flags;
            Pinning = pinning;
        }

        /// <summary>The capacity (max_entries).</summary>
        public int MaxEntries { get; }

        /// <summary>Creation flags (map_flags).</summary>
        public MapFlags Flags { get; }

        /// <summary>Whether the loader pins the map.</summary>
        public MapPinning Pinning { get; }

        /// <summary>The current CPU's value under <paramref name="key"/>, or null when there is none.</summary>
        /// <param name="key">The key.</param>
        /// <returns>The value (a reference into the map), or null.</returns>
        /// <remarks>Kernel: <c>bpf_map_lookup_elem</c>, helper 1, since 4.6.</remarks>
        [HelperCall(1, "bpf_map_lookup_elem", "4.6")]
        public MapValue<TValue>? Lookup(in TKey key) => LookupOnCpu(key, BpfRuntime.Current.CurrentCpu);

        /// <summary>CPU <paramref name="cpu"/>'s value under <paramref name="key"/>, or null when there is none or the
        /// CPU does not exist.</summary>
        /// <param name="key">The key.</param>
        /// <param name="cpu">The CPU whose value to return.</param>
        /// <returns>The value, or null.</returns>
        /// <remarks>Kernel: <c>bpf_map_lookup_percpu_elem</c>, helper 195, since 5.19.</remarks>
        [HelperCall(195, "bpf_map_lookup_percpu_elem", "5.19")]
        public MapValue<TValue>? LookupOnCpu(in TKey key, uint cpu)
        {
            if (cpu >= (uint)BpfRuntime.Current.PossibleCpus)
            {
                return null;
            }

            lock (_entries)
            {
                return _entries.TryGetValue(MapKey.From(key), out var values) ? values.For((int)cpu) : null;
            }
        }

        /// <summary>Stores <paramref name="value"/> as the current CPU's value under <paramref name="key"/>; a new entry
        /// starts zeroed on every other CPU.</summary>
        /// <param name="key">The key.</param>
        /// <param name="value">The value.</param>
        /// <param name="flags">Any, NoExist or Exist.</param>
        /// <returns>0; -EINVAL, -EEXIST, -ENOENT as the flags demand; -E2BIG when a new key does not fit.</returns>
        /// <remarks>Kernel: <c>bpf_map_update_elem</c>, helper 2, since 4.6 (an existing entry is updated in place).</remarks>
        [HelperCall(2, "bpf_map_update_elem", "4.6")]
        public long Update(in TKey key, in TValue value, UpdateFlags flags = UpdateFlags.Any)
        {
            var mapKey = MapKey.From(key);
            lock (_entries)
            {
                bool present = _entries.TryGetValue(mapKey, out var values);
                long check = UpdateRules.Check(flags, present);
                if (check != 0)
                {
                    return check;
                }

                if (values is null)
                {
                    if (_entries.Count >= MaxEntries)
                    {
                        return -Errno.E2BIG;
                    }

                    values = new PerCpuValues<TValue>();
                    _entries.Add(mapKey, values);
                }

                values.For((int)BpfRuntime.Current.CurrentCpu).Value = value;
                return 0;
            }
        }

        /// <summary>Removes the entry (all CPUs' values) under <paramref name="key"/>.</summary>
        /// <param name="key">The key.</param>
        /// <returns>0, or -ENOENT when there is none.</returns>
        /// <remarks>Kernel: <c>bpf_map_delete_elem</c>, helper 3, since 4.6.</remarks>
        [HelperCall(3, "bpf_map_delete_elem", "4.6")]
        public long Delete(in TKey key)
        {
            lock (_entries)
            {
                return _entries.Remove(MapKey.From(key)) ? 0 : -Errno.ENOENT;
            }
        }

        /// <summary>Removes every entry.</summary>
        [ManagedOnly]
        public void Clear()
        {
            lock (_entries)
            {
                _entries.Clear();
            }
        }
    }
}

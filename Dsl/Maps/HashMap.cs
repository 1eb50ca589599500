using System;
using System.Collections.Generic;
using Ebpf.Asm;

namespace Ebpf.Dsl.Maps
{
    /// <summary>
    /// A hash table from <typeparamref name="TKey"/> to <typeparamref name="TValue"/> with a fixed capacity, declared as
    /// a static field: <c>static readonly HashMap&lt;uint, Counter&gt; Flows = new(maxEntries: 1024);</c>.
    /// Keys compare by their bytes.
    /// </summary>
    /// <typeparam name="TKey">The key type (its bytes are the key, padding included: zero it).</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <remarks>Kernel: BPF_MAP_TYPE_HASH, since 3.19.</remarks>
    public sealed class HashMap<TKey, TValue>
        where TKey : unmanaged
        where TValue : unmanaged
    {
        private readonly Dictionary<MapKey, MapValue<TValue>> _entries = new();

        /// <summary>Declares the map.</summary>
        /// <param name="maxEntries">The capacity (at least 1).</param>
        /// <param name="flags">Creation flags.</param>
        /// <param name="pinning">Whether the loader pins the map by name.</param>
        public HashMap(int maxEntries, MapFlags flags = MapFlags.None, MapPinning pinning = MapPinning.None)
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

        /// <summary>The number of entries, for tests.</summary>
        [ManagedOnly]
        public int Count
        {
            get
            {
                lock (_entries)
                {
                    return _entries.Count;
                }
            }
        }

        /// <summary>The value stored under <paramref name="key"/>, or null when there is none.</summary>
        /// <param name="key">The key.</param>
        /// <returns>The value (a reference into the map), or null.</returns>
        /// <remarks>Kernel: <c>bpf_map_lookup_elem</c>, helper 1, since 3.19.</remarks>
        [HelperCall(1, "bpf_map_lookup_elem", "3.19")]
        public MapValue<TValue>? Lookup(in TKey key)
        {
            lock (_entries)
            {
                return _entries.GetValueOrDefault(MapKey.From(key));
            }
        }

        /// <summary>Stores <paramref name="value"/> under <paramref name="key"/>.</summary>
        /// <param name="key">The key.</param>
        /// <param name="value">The value.</param>
        /// <param name="flags">Any, NoExist (create only) or Exist (replace only).</param>
        /// <returns>0; -EINVAL for unknown flags; -EEXIST / -ENOENT when the flags forbid it; -E2BIG when a new key does
        /// not fit (max_entries reached).</returns>
        /// <remarks>Kernel: <c>bpf_map_update_elem</c>, helper 2, since 3.19. A replaced entry is a new element: a
        /// reference from an earlier lookup keeps the old value.</remarks>
        [HelperCall(2, "bpf_map_update_elem", "3.19")]
        public long Update(in TKey key, in TValue value, UpdateFlags flags = UpdateFlags.Any)
        {
            var mapKey = MapKey.From(key);
            lock (_entries)
            {
                bool present = _entries.ContainsKey(mapKey);
                long check = UpdateRules.Check(flags, present);
                if (check != 0)
                {
                    return check;
                }

                if (!present && _entries.Count >= MaxEntries)
                {
                    return -Errno.E2BIG;
                }

                _entries[mapKey] = new MapValue<TValue>(value);
                return 0;
            }
        }

        /// <summary>Removes the entry under <paramref name="key"/>.</summary>
        /// <param name="key">The key.</param>
        /// <returns>0, or -ENOENT when there is none.</returns>
        /// <remarks>Kernel: <c>bpf_map_delete_elem</c>, helper 3, since 3.19.</remarks>
        [HelperCall(3, "bpf_map_delete_elem", "3.19")]
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

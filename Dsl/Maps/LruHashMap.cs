using System;
using System.Collections.Generic;
using Ebpf.Asm;

namespace Ebpf.Dsl.Maps
{
    /// <summary>
    /// A hash table that, when full, makes room for a new key by evicting the least recently used entry, so updates
    /// never fail for lack of space. Lookups and updates count as use.
    /// </summary>
    /// <typeparam name="TKey">The key type (its bytes are the key).</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <remarks>
    /// Kernel: BPF_MAP_TYPE_LRU_HASH, since 4.10. The kernel's LRU is approximate (per-CPU free lists, reference bits,
    /// batch shrinking): which entry goes is not exactly predictable and entries may go before the map is full. The CLR
    /// implementation evicts exactly the least recently used entry; a program may rely only on "an update succeeds" and
    /// "the most recently used entries are kept", which both give.
    /// </remarks>
    public sealed class LruHashMap<TKey, TValue>
        where TKey : unmanaged
        where TValue : unmanaged
    {
        private readonly Dictionary<MapKey, LinkedListNode<(MapKey Key, MapValue<TValue> Value)>> _entries = new();
        private readonly LinkedList<(MapKey Key, MapValue<TValue> Value)> _recency = new();

        /// <summary>Declares the map.</summary>
        /// <param name="maxEntries">The capacity (at least 1).</param>
        /// <param name="flags">Creation flags (NoCommonLru for per-CPU LRU lists).</param>
        /// <param name="pinning">Whether the loader pins the map by name.</param>
        public LruHashMap(int maxEntries, MapFlags flags = MapFlags.None, MapPinning pinning = MapPinning.None)
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

        /// <summary>The value stored under <paramref name="key"/>, or null; marks the entry as recently used.</summary>
        /// <param name="key">The key.</param>
        /// <returns>The value (a reference into the map), or null.</returns>
        /// <remarks>Kernel: <c>bpf_map_lookup_elem</c>, helper 1, since 4.10.</remarks>
        [HelperCall(1, "bpf_map_lookup_elem", "4.10")]
        public MapValue<TValue>? Lookup(in TKey key)
        {
            lock (_entries)
            {
                if (!_entries.TryGetValue(MapKey.From(key), out var node))
                {
                    return null;
                }

                Touch(node);
                return node.Value.Value;
            }
        }

        /// <summary>Stores <paramref name="value"/> under <paramref name="key"/>, evicting the least recently used entry
        /// when the map is full.</summary>
        /// <param name="key">The key.</param>
        /// <param name="value">The value.</param>
        /// <param name="flags">Any, NoExist or Exist.</param>
        /// <returns>0; -EINVAL, -EEXIST, -ENOENT as the flags demand.</returns>
        /// <remarks>Kernel: <c>bpf_map_update_elem</c>, helper 2, since 4.10 (a replaced entry is a new element).</remarks>
        [HelperCall(2, "bpf_map_update_elem", "4.10")]
        public long Update(in TKey key, in TValue value, UpdateFlags flags = UpdateFlags.Any)
        {
            var mapKey = MapKey.From(key);
            lock (_entries)
            {
                bool present = _entries.TryGetValue(mapKey, out var node);
                long check = UpdateRules.Check(flags, present);
                if (check != 0)
                {
                    return check;
                }

                if (node is not null)
                {
                    _recency.Remove(node);
                }
                else if (_entries.Count >= MaxEntries)
                {
                    var oldest = _recency.Last!;
                    _recency.RemoveLast();
                    _entries.Remove(oldest.Value.Key);
                }

                _entries[mapKey] = _recency.AddFirst((mapKey, new MapValue<TValue>(value)));
                return 0;
            }
        }

        /// <summary>Removes the entry under <paramref name="key"/>.</summary>
        /// <param name="key">The key.</param>
        /// <returns>0, or -ENOENT when there is none.</returns>
        /// <remarks>Kernel: <c>bpf_map_delete_elem</c>, helper 3, since 4.10.</remarks>
        [HelperCall(3, "bpf_map_delete_elem", "4.10")]
        public long Delete(in TKey key)
        {
            lock (_entries)
            {
                if (!_entries.Remove(MapKey.From(key), out var node))
                {
                    return -Errno.ENOENT;
                }

                _recency.Remove(node);
                return 0;
            }
        }

        /// <summary>Removes every entry.</summary>
        [ManagedOnly]
        public void Clear()
        {
            lock (_entries)
            {
                _entries.Clear();
                _recency.Clear();
            }
        }

        private void Touch(LinkedListNode<(MapKey Key, MapValue<TValue> Value)> node)
        {
            _recency.Remove(node);
            _recency.AddFirst(node);
        }
    }
}

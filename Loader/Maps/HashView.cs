using System;
using System.Collections.Generic;
using Ebpf.Asm;

namespace Ebpf.Loader.Maps
{
    /// <summary>Typed access to a HASH or LRU_HASH map. Mirrors <c>HashMap&lt;TKey, TValue&gt;</c>.</summary>
    /// <remarks>Kernel: BPF_MAP_TYPE_HASH (since 3.19), BPF_MAP_TYPE_LRU_HASH (since 4.10).</remarks>
    public sealed class HashView<TKey, TValue>
        where TKey : unmanaged
        where TValue : unmanaged
    {
        /// <summary>Wraps <paramref name="map"/> after checking its type and sizes.</summary>
        public HashView(BpfMap map)
        {
            Map = map ?? throw new ArgumentNullException(nameof(map));
            ValueBytes.CheckType(map, "HashView", MapType.Hash, MapType.LruHash);
            ValueBytes.CheckSize<TKey>(map, map.KeySize, "key");
            ValueBytes.CheckSize<TValue>(map, map.ValueSize, "value");
        }

        /// <summary>The underlying map.</summary>
        public BpfMap Map { get; }

        /// <summary>Looks <paramref name="key"/> up.</summary>
        public bool TryGetValue(TKey key, out TValue value)
        {
            Span<byte> buffer = stackalloc byte[Map.ValueBufferSize];
            bool found = Map.TryLookup(ValueBytes.Of(ref key), buffer);
            value = found ? ValueBytes.Read<TValue>(buffer) : default;
            return found;
        }

        /// <summary>Creates or replaces an element as <paramref name="flags"/> allow.</summary>
        public void Set(TKey key, TValue value, MapUpdateFlags flags = MapUpdateFlags.Any) =>
            Map.Update(ValueBytes.Of(ref key), ValueBytes.Of(ref value), flags);

        /// <summary>Deletes <paramref name="key"/>; false when absent.</summary>
        public bool Remove(TKey key) => Map.Delete(ValueBytes.Of(ref key));

        /// <summary>Reads and deletes <paramref name="key"/> in one step (kernel 5.14+ for hash maps).</summary>
        public bool TryTake(TKey key, out TValue value)
        {
            Span<byte> buffer = stackalloc byte[Map.ValueBufferSize];
            bool found = Map.TryLookupAndDelete(ValueBytes.Of(ref key), buffer);
            value = found ? ValueBytes.Read<TValue>(buffer) : default;
            return found;
        }

        /// <summary>All keys, walked with BPF_MAP_GET_NEXT_KEY.</summary>
        public IEnumerable<TKey> Keys()
        {
            foreach (byte[] key in Map.Keys())
            {
                yield return ValueBytes.Read<TKey>(key);
            }
        }

        /// <summary>All entries, read with BPF_MAP_LOOKUP_BATCH.</summary>
        public IReadOnlyList<KeyValuePair<TKey, TValue>> Entries()
        {
            var entries = new List<KeyValuePair<TKey, TValue>>();
            foreach (KeyValuePair<byte[], byte[]> entry in Map.LookupBatch())
            {
                entries.Add(new KeyValuePair<TKey, TValue>(ValueBytes.Read<TKey>(entry.Key), ValueBytes.Read<TValue>(entry.Value)));
            }

            return entries;
        }
    }
}

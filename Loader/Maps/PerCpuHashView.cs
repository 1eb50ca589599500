using System;
using System.Collections.Generic;
using Ebpf.Asm;

namespace Ebpf.Loader.Maps
{
    /// <summary>
    /// Typed access to a PERCPU_HASH or LRU_PERCPU_HASH: each key holds one <typeparamref name="TValue"/> per
    /// possible CPU. Mirrors <c>PerCpuHashMap&lt;TKey, TValue&gt;</c>.
    /// </summary>
    /// <remarks>Kernel: BPF_MAP_TYPE_PERCPU_HASH (since 4.6), BPF_MAP_TYPE_LRU_PERCPU_HASH (since 4.10).</remarks>
    public sealed class PerCpuHashView<TKey, TValue>
        where TKey : unmanaged
        where TValue : unmanaged
    {
        /// <summary>Wraps <paramref name="map"/> after checking its type and sizes.</summary>
        public PerCpuHashView(BpfMap map)
        {
            Map = map ?? throw new ArgumentNullException(nameof(map));
            ValueBytes.CheckType(map, "PerCpuHashView", MapType.PerCpuHash, MapType.LruPerCpuHash);
            ValueBytes.CheckSize<TKey>(map, map.KeySize, "key");
            ValueBytes.CheckSize<TValue>(map, map.ValueSize, "value");
        }

        /// <summary>The underlying map.</summary>
        public BpfMap Map { get; }

        /// <summary>Looks <paramref name="key"/> up: one value per possible CPU.</summary>
        public bool TryGetValues(TKey key, out TValue[] values)
        {
            var buffer = new byte[Map.ValueBufferSize];
            bool found = Map.TryLookup(ValueBytes.Of(ref key), buffer);
            values = found ? ValueBytes.ReadPerCpu<TValue>(buffer, Map.ValueSize) : Array.Empty<TValue>();
            return found;
        }

        /// <summary>Writes one value per possible CPU.</summary>
        public void Set(TKey key, ReadOnlySpan<TValue> perCpu, MapUpdateFlags flags = MapUpdateFlags.Any) =>
            Map.Update(ValueBytes.Of(ref key), ValueBytes.WritePerCpu(perCpu, Map.ValueSize), flags);

        /// <summary>Writes the same value on every CPU.</summary>
        public void SetAll(TKey key, TValue value, MapUpdateFlags flags = MapUpdateFlags.Any)
        {
            var values = new TValue[PossibleCpus.Count];
            values.AsSpan().Fill(value);
            Set(key, values, flags);
        }

        /// <summary>Deletes <paramref name="key"/>; false when absent.</summary>
        public bool Remove(TKey key) => Map.Delete(ValueBytes.Of(ref key));

        /// <summary>All keys, walked with BPF_MAP_GET_NEXT_KEY.</summary>
        public IEnumerable<TKey> Keys()
        {
            foreach (byte[] key in Map.Keys())
            {
                yield return ValueBytes.Read<TKey>(key);
            }
        }

        /// <summary>All entries with their per-CPU values, read with BPF_MAP_LOOKUP_BATCH.</summary>
        public IReadOnlyList<KeyValuePair<TKey, TValue[]>> Entries()
        {
            var entries = new List<KeyValuePair<TKey, TValue[]>>();
            foreach (KeyValuePair<byte[], byte[]> entry in Map.LookupBatch())
            {
                entries.Add(new KeyValuePair<TKey, TValue[]>(ValueBytes.Read<TKey>(entry.Key), ValueBytes.ReadPerCpu<TValue>(entry.Value, Map.ValueSize)));
            }

            return entries;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Ebpf.Asm;

namespace Ebpf.Loader.Maps
{
    /// <summary>
    /// Typed access to an LPM_TRIE whose keys are <c>struct bpf_lpm_trie_key</c>: a u32 prefix length in bits
    /// followed by <typeparamref name="TData"/> (e.g. 4 bytes of IPv4 address in network order).
    /// Mirrors <c>LpmTrieMap&lt;TKey, TValue&gt;</c>.
    /// </summary>
    /// <remarks>Kernel: BPF_MAP_TYPE_LPM_TRIE, since 4.11; needs BPF_F_NO_PREALLOC.</remarks>
    public sealed class LpmTrieView<TData, TValue>
        where TData : unmanaged
        where TValue : unmanaged
    {
        /// <summary>Wraps <paramref name="map"/> after checking its type and sizes (key = 4 + sizeof(TData)).</summary>
        public LpmTrieView(BpfMap map)
        {
            Map = map ?? throw new ArgumentNullException(nameof(map));
            ValueBytes.CheckType(map, "LpmTrieView", MapType.LpmTrie);
            if (map.KeySize != 4 + Unsafe.SizeOf<TData>())
            {
                throw new ArgumentException($"map '{map.Name}' has {map.KeySize}-byte keys; 4 + {typeof(TData).Name} is {4 + Unsafe.SizeOf<TData>()}");
            }

            ValueBytes.CheckSize<TValue>(map, map.ValueSize, "value");
        }

        /// <summary>The underlying map.</summary>
        public BpfMap Map { get; }

        /// <summary>The longest prefix length a key can have (8 × sizeof(TData)).</summary>
        public int MaxPrefixLength => Unsafe.SizeOf<TData>() * 8;

        /// <summary>Stores <paramref name="value"/> for the prefix <paramref name="data"/>/<paramref name="prefixLength"/>.</summary>
        public void Set(TData data, int prefixLength, TValue value, MapUpdateFlags flags = MapUpdateFlags.Any) =>
            Map.Update(Key(data, prefixLength), ValueBytes.Of(ref value), flags);

        /// <summary>The value of the longest stored prefix that matches <paramref name="address"/> (full length lookup).</summary>
        public bool TryMatch(TData address, out TValue value)
        {
            var buffer = new byte[Map.ValueBufferSize];
            bool found = Map.TryLookup(Key(address, MaxPrefixLength), buffer);
            value = found ? ValueBytes.Read<TValue>(buffer) : default;
            return found;
        }

        /// <summary>Deletes the exact prefix; false when absent.</summary>
        public bool Remove(TData data, int prefixLength) => Map.Delete(Key(data, prefixLength));

        /// <summary>All stored prefixes with their values.</summary>
        public IReadOnlyList<(TData Data, int PrefixLength, TValue Value)> Entries()
        {
            var entries = new List<(TData, int, TValue)>();
            var buffer = new byte[Map.ValueBufferSize];
            foreach (byte[] key in Map.Keys())
            {
                if (Map.TryLookup(key, buffer))
                {
                    entries.Add((ValueBytes.Read<TData>(key.AsSpan(4)), (int)BitConverter.ToUInt32(key, 0), ValueBytes.Read<TValue>(buffer)));
                }
            }

            return entries;
        }

        private byte[] Key(TData data, int prefixLength)
        {
            if (prefixLength < 0 || prefixLength > MaxPrefixLength)
            {
                throw new ArgumentOutOfRangeException(nameof(prefixLength), prefixLength, $"0..{MaxPrefixLength}");
            }

            var key = new byte[Map.KeySize];
            BitConverter.TryWriteBytes(key.AsSpan(0, 4), (uint)prefixLength);
            ValueBytes.Of(ref data).CopyTo(key.AsSpan(4));
            return key;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ebpf.Asm;

namespace Ebpf.Dsl.Maps
{
    /// <summary>
    /// A longest-prefix-match table (a routing table): entries are prefixes of <typeparamref name="TData"/>, and a
    /// lookup returns the entry with the longest prefix that matches the key.
    /// </summary>
    /// <typeparam name="TData">The address type: <see cref="uint"/> for IPv4, <c>Ipv6Address</c> for IPv6 (network
    /// order).</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <remarks>Kernel: BPF_MAP_TYPE_LPM_TRIE, since 4.11; always created with BPF_F_NO_PREALLOC (added to
    /// <see cref="Flags"/> here). Key size is 4 + sizeof(<typeparamref name="TData"/>).</remarks>
    public sealed class LpmTrieMap<TData, TValue>
        where TData : unmanaged
        where TValue : unmanaged
    {
        private readonly Dictionary<(uint PrefixLength, MapKey Data), MapValue<TValue>> _entries = new();

        /// <summary>Declares the map.</summary>
        /// <param name="maxEntries">The capacity (at least 1).</param>
        /// <param name="flags">Creation flags (NoPrealloc is always added).</param>
        /// <param name="pinning">Whether the loader pins the map by name.</param>
        public LpmTrieMap(int maxEntries, MapFlags flags = MapFlags.NoPrealloc, MapPinning pinning = MapPinning.None)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
            MaxEntries = maxEntries;
            Flags = flags | MapFlags.NoPrealloc;
            Pinning = pinning;
        }

        /// <summary>The capacity (max_entries).</summary>
        public int MaxEntries { get; }

        /// <summary>Creation flags (map_flags), always with NoPrealloc.</summary>
        public MapFlags Flags { get; }

        /// <summary>Whether the loader pins the map.</summary>
        public MapPinning Pinning { get; }

        /// <summary>The longest prefix the data type holds: 8 × sizeof(<typeparamref name="TData"/>).</summary>
        public static uint MaxPrefixLength => (uint)Unsafe.SizeOf<TData>() * 8;

        /// <summary>The value of the longest stored prefix that matches the first
        /// <see cref="LpmKey{T}.PrefixLength"/> bits of the key, or null when none matches.</summary>
        /// <param name="key">The key; use <see cref="MaxPrefixLength"/> to look up a full address.</param>
        /// <returns>The value (a reference into the map), or null.</returns>
        /// <remarks>Kernel: <c>bpf_map_lookup_elem</c>, helper 1, since 4.11.</remarks>
        [HelperCall(1, "bpf_map_lookup_elem", "4.11")]
        public MapValue<TValue>? Lookup(in LpmKey<TData> key)
        {
            uint longest = Math.Min(key.PrefixLength, MaxPrefixLength);
            lock (_entries)
            {
                for (long length = longest; length >= 0; length--)
                {
                    if (_entries.TryGetValue(Masked(key.Data, (uint)length), out var value))
                    {
                        return value;
                    }
                }
            }

            return null;
        }

        /// <summary>Stores <paramref name="value"/> for the prefix <paramref name="key"/>.</summary>
        /// <param name="key">The prefix (bits after the prefix length are ignored).</param>
        /// <param name="value">The value.</param>
        /// <param name="flags">Any, NoExist or Exist.</param>
        /// <returns>0; -EINVAL for unknown flags or a prefix length beyond the data; -EEXIST / -ENOENT as the flags
        /// demand; -ENOSPC when a new prefix does not fit.</returns>
        /// <remarks>Kernel: <c>bpf_map_update_elem</c>, helper 2, since 4.11.</remarks>
        [HelperCall(2, "bpf_map_update_elem", "4.11")]
        public long Update(in LpmKey<TData> key, in TValue value, UpdateFlags flags = UpdateFlags.Any)
        {
            if (key.PrefixLength > MaxPrefixLength)
            {
                return -Errno.EINVAL;
            }

            var slot = Masked(key.Data, key.PrefixLength);
            lock (_entries)
            {
                bool present = _entries.ContainsKey(slot);
                long check = UpdateRules.Check(flags, present);
                if (check != 0)
                {
                    return check;
                }

                if (!present && _entries.Count >= MaxEntries)
                {
                    return -Errno.ENOSPC;
                }

                _entries[slot] = new MapValue<TValue>(value);
                return 0;
            }
        }

        /// <summary>Removes the exact prefix <paramref name="key"/>.</summary>
        /// <param name="key">The prefix.</param>
        /// <returns>0; -EINVAL for a prefix length beyond the data; -ENOENT when that exact prefix is not stored.</returns>
        /// <remarks>Kernel: <c>bpf_map_delete_elem</c>, helper 3, since 4.11.</remarks>
        [HelperCall(3, "bpf_map_delete_elem", "4.11")]
        public long Delete(in LpmKey<TData> key)
        {
            if (key.PrefixLength > MaxPrefixLength)
            {
                return -Errno.EINVAL;
            }

            lock (_entries)
            {
                return _entries.Remove(Masked(key.Data, key.PrefixLength)) ? 0 : -Errno.ENOENT;
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

        private static (uint, MapKey) Masked(in TData data, uint prefixLength)
        {
            var bytes = MemoryMarshal.AsBytes(new ReadOnlySpan<TData>(in data)).ToArray();
            for (int bit = (int)prefixLength; bit < bytes.Length * 8; bit++)
            {
                bytes[bit >> 3] &= (byte)~(0x80 >> (bit & 7));
            }

            return (prefixLength, MapKey.From(bytes));
        }
    }
}

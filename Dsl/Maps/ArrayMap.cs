using System;
using Ebpf.Asm;

namespace Ebpf.Dsl.Maps
{
    /// <summary>
    /// A fixed-size array of <typeparamref name="T"/> indexed by a <see cref="uint"/>, declared as a static field:
    /// <c>static readonly ArrayMap&lt;Config&gt; Settings = new(maxEntries: 1);</c>. Every entry exists from creation,
    /// zeroed; entries cannot be deleted.
    /// </summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <remarks>Kernel: BPF_MAP_TYPE_ARRAY, since 3.19. The field name is the map name; constructor arguments must be
    /// constants (the compiler reads them).</remarks>
    public sealed class ArrayMap<T>
        where T : unmanaged
    {
        private readonly MapValue<T>[] _entries;

        /// <summary>Declares the map.</summary>
        /// <param name="maxEntries">The number of entries (at least 1).</param>
        /// <param name="flags">Creation flags.</param>
        /// <param name="pinning">Whether the loader pins the map by name.</param>
        public ArrayMap(int maxEntries, MapFlags flags = MapFlags.None, MapPinning pinning = MapPinning.None)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
            MaxEntries = maxEntries;
            Flags = flags;
            Pinning = pinning;
            _entries = new MapValue<T>[maxEntries];
            Clear();
        }

        /// <summary>The number of entries (max_entries).</summary>
        public int MaxEntries { get; }

        /// <summary>Creation flags (map_flags).</summary>
        public MapFlags Flags { get; }

        /// <summary>Whether the loader pins the map.</summary>
        public MapPinning Pinning { get; }

        /// <summary>The entry at <paramref name="index"/>, or null when the index is not below max_entries.</summary>
        /// <param name="index">The entry index.</param>
        /// <returns>The entry (a reference into the map), or null.</returns>
        /// <remarks>Kernel: <c>bpf_map_lookup_elem</c>, helper 1, since 3.19 (the verifier still demands the null
        /// check, even for a constant in-range index).</remarks>
        [HelperCall(1, "bpf_map_lookup_elem", "3.19")]
        public MapValue<T>? Lookup(uint index) => index < (uint)MaxEntries ? _entries[index] : null;

        /// <summary>Copies <paramref name="value"/> into the entry at <paramref name="index"/>.</summary>
        /// <param name="index">The entry index.</param>
        /// <param name="value">The new value.</param>
        /// <param name="flags">Any or Exist (every entry exists); NoExist always fails.</param>
        /// <returns>0; -EINVAL for unknown flags; -E2BIG for an index not below max_entries; -EEXIST for NoExist.</returns>
        /// <remarks>Kernel: <c>bpf_map_update_elem</c>, helper 2, since 3.19. The entry is overwritten in place.</remarks>
        [HelperCall(2, "bpf_map_update_elem", "3.19")]
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

            _entries[index].Value = value;
            return 0;
        }

        /// <summary>Array entries cannot be deleted.</summary>
        /// <param name="index">The entry index.</param>
        /// <returns>Always -EINVAL.</returns>
        /// <remarks>Kernel: <c>bpf_map_delete_elem</c>, helper 3, since 3.19.</remarks>
        [HelperCall(3, "bpf_map_delete_elem", "3.19")]
        public long Delete(uint index) => -Errno.EINVAL;

        /// <summary>Zeroes every entry, as a newly created map (references taken before no longer alias the map).</summary>
        [ManagedOnly]
        public void Clear()
        {
            for (int i = 0; i < _entries.Length; i++)
            {
                _entries[i] = new MapValue<T>();
            }
        }
    }
}

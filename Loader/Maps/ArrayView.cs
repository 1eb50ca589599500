using System;
using Ebpf.Asm;

namespace Ebpf.Loader.Maps
{
    /// <summary>Typed access to an ARRAY map of <typeparamref name="T"/> values. Mirrors <c>ArrayMap&lt;T&gt;</c>.</summary>
    /// <remarks>Kernel: BPF_MAP_TYPE_ARRAY, since 3.19. Elements always exist; delete is not supported.</remarks>
    public sealed class ArrayView<T>
        where T : unmanaged
    {
        /// <summary>Wraps <paramref name="map"/> after checking its type and sizes.</summary>
        public ArrayView(BpfMap map)
        {
            Map = map ?? throw new ArgumentNullException(nameof(map));
            ValueBytes.CheckType(map, nameof(ArrayView<T>), MapType.Array);
            ValueBytes.CheckSize<T>(map, map.ValueSize, "value");
        }

        /// <summary>The underlying map.</summary>
        public BpfMap Map { get; }

        /// <summary>The number of elements (max_entries).</summary>
        public int Length => Map.MaxEntries;

        /// <summary>Reads or writes one element.</summary>
        public T this[uint index]
        {
            get
            {
                Span<byte> value = stackalloc byte[Map.ValueBufferSize];
                if (!Map.TryLookup(ValueBytes.Of(ref index), value))
                {
                    throw new ArgumentOutOfRangeException(nameof(index), index, $"map '{Map.Name}' has {Length} elements");
                }

                return ValueBytes.Read<T>(value);
            }

            set => Update(index, value);
        }

        /// <summary>Writes one element (<see cref="MapUpdateFlags.NoExist"/> always fails on arrays).</summary>
        public void Update(uint index, T value, MapUpdateFlags flags = MapUpdateFlags.Any) =>
            Map.Update(ValueBytes.Of(ref index), ValueBytes.Of(ref value), flags);

        /// <summary>All elements in index order.</summary>
        public T[] ToArray()
        {
            var values = new T[Length];
            for (uint i = 0; i < values.Length; i++)
            {
                values[i] = this[i];
            }

            return values;
        }
    }
}

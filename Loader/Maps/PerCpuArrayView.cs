using System;
using Ebpf.Asm;

namespace Ebpf.Loader.Maps
{
    /// <summary>
    /// Typed access to a PERCPU_ARRAY: each index holds one <typeparamref name="T"/> per possible CPU.
    /// Mirrors <c>PerCpuArrayMap&lt;T&gt;</c>.
    /// </summary>
    /// <remarks>Kernel: BPF_MAP_TYPE_PERCPU_ARRAY, since 4.6. User space sees possible CPUs × round_up(size, 8) bytes per index.</remarks>
    public sealed class PerCpuArrayView<T>
        where T : unmanaged
    {
        /// <summary>Wraps <paramref name="map"/> after checking its type and sizes.</summary>
        public PerCpuArrayView(BpfMap map)
        {
            Map = map ?? throw new ArgumentNullException(nameof(map));
            ValueBytes.CheckType(map, nameof(PerCpuArrayView<T>), MapType.PerCpuArray);
            ValueBytes.CheckSize<T>(map, map.ValueSize, "value");
        }

        /// <summary>The underlying map.</summary>
        public BpfMap Map { get; }

        /// <summary>The number of indexes (max_entries).</summary>
        public int Length => Map.MaxEntries;

        /// <summary>The number of values per index.</summary>
        public int CpuCount => PossibleCpus.Count;

        /// <summary>The values of <paramref name="index"/>, one per possible CPU (element i is CPU i).</summary>
        public T[] Get(uint index)
        {
            var buffer = new byte[Map.ValueBufferSize];
            if (!Map.TryLookup(ValueBytes.Of(ref index), buffer))
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"map '{Map.Name}' has {Length} elements");
            }

            return ValueBytes.ReadPerCpu<T>(buffer, Map.ValueSize);
        }

        /// <summary>Writes one value per possible CPU.</summary>
        public void Set(uint index, ReadOnlySpan<T> perCpu) =>
            Map.Update(ValueBytes.Of(ref index), ValueBytes.WritePerCpu(perCpu, Map.ValueSize));

        /// <summary>Writes the same value on every CPU.</summary>
        public void SetAll(uint index, T value)
        {
            var values = new T[CpuCount];
            values.AsSpan().Fill(value);
            Set(index, values);
        }
    }
}

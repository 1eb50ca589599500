using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ebpf.Loader.Maps
{
    /// <summary>Reinterprets unmanaged values as the bytes the kernel sees, and checks sizes against a map.</summary>
    internal static class ValueBytes
    {
        public static ReadOnlySpan<byte> Of<T>(ref T value)
            where T : unmanaged =>
            MemoryMarshal.AsBytes(MemoryMarshal.CreateReadOnlySpan(ref value, 1));

        public static T Read<T>(ReadOnlySpan<byte> bytes)
            where T : unmanaged =>
            MemoryMarshal.Read<T>(bytes);

        /// <summary>Splits a per-CPU buffer into one value per possible CPU.</summary>
        public static T[] ReadPerCpu<T>(ReadOnlySpan<byte> buffer, int valueSize)
            where T : unmanaged
        {
            int stride = PossibleCpus.Stride(valueSize);
            var values = new T[PossibleCpus.Count];
            for (int cpu = 0; cpu < values.Length; cpu++)
            {
                values[cpu] = MemoryMarshal.Read<T>(buffer.Slice(cpu * stride, valueSize));
            }

            return values;
        }

        /// <summary>Lays out one value per possible CPU, each at round_up(size, 8).</summary>
        public static byte[] WritePerCpu<T>(ReadOnlySpan<T> values, int valueSize)
            where T : unmanaged
        {
            if (values.Length != PossibleCpus.Count)
            {
                throw new ArgumentException($"need one value per possible CPU ({PossibleCpus.Count}), got {values.Length}", nameof(values));
            }

            int stride = PossibleCpus.Stride(valueSize);
            var buffer = new byte[stride * values.Length];
            for (int cpu = 0; cpu < values.Length; cpu++)
            {
                T value = values[cpu];
                Of(ref value).CopyTo(buffer.AsSpan(cpu * stride));
            }

            return buffer;
        }

        public static void CheckSize<T>(BpfMap map, int expected, string role)
            where T : unmanaged
        {
            int size = Unsafe.SizeOf<T>();
            if (size != expected)
            {
                throw new ArgumentException($"map '{map.Name}' has {expected}-byte {role}s but {typeof(T).Name} is {size} bytes");
            }
        }

        public static void CheckType(BpfMap map, string view, params Asm.MapType[] types)
        {
            if (Array.IndexOf(types, map.Type) < 0)
            {
                throw new ArgumentException($"{view} needs a map of type {string.Join(" or ", types)}; map '{map.Name}' is {map.Type}");
            }
        }
    }
}

using System;
using System.Collections.Generic;
using Ebpf.Loader.Sys;

namespace Ebpf.Loader.Maps
{
    public sealed partial class BpfMap
    {
        private const int ENOSPC = 28;

        /// <summary>
        /// Reads every entry with as few syscalls as <paramref name="batchSize"/> allows (0: up to 256 per call).
        /// The last call ends with ENOENT and may still carry entries; those are kept.
        /// Kernel: BPF_MAP_LOOKUP_BATCH, since 5.6.
        /// </summary>
        public IReadOnlyList<KeyValuePair<byte[], byte[]>> LookupBatch(int batchSize = 0) =>
            ReadBatches(BpfCommand.MapLookupBatch, batchSize, out _);

        /// <summary>Like <see cref="LookupBatch(int)"/>, and tells how many bpf() calls it took.</summary>
        public IReadOnlyList<KeyValuePair<byte[], byte[]>> LookupBatch(int batchSize, out int calls) =>
            ReadBatches(BpfCommand.MapLookupBatch, batchSize, out calls);

        /// <summary>Reads and deletes every entry in batches. Kernel: BPF_MAP_LOOKUP_AND_DELETE_BATCH (hash maps), since 5.6.</summary>
        public IReadOnlyList<KeyValuePair<byte[], byte[]>> LookupAndDeleteBatch(int batchSize = 0) =>
            ReadBatches(BpfCommand.MapLookupAndDeleteBatch, batchSize, out _);

        /// <summary>
        /// Writes <paramref name="keys"/>.Length / <see cref="KeySize"/> entries in one call; values are
        /// <see cref="ValueBufferSize"/> bytes each. Returns how many the kernel wrote. Kernel: BPF_MAP_UPDATE_BATCH, since 5.6.
        /// </summary>
        public unsafe int UpdateBatch(ReadOnlySpan<byte> keys, ReadOnlySpan<byte> values, MapUpdateFlags flags = MapUpdateFlags.Any)
        {
            int count = CountKeys(keys);
            if (values.Length != count * ValueBufferSize)
            {
                throw new ArgumentException($"{count} entries need {count * ValueBufferSize} value bytes, got {values.Length}", nameof(values));
            }

            fixed (byte* k = keys)
            fixed (byte* v = values)
            {
                using BpfFdLease map = Fd.Lease();
                var attr = new MapBatchAttr { MapFd = map.Number, Keys = (ulong)k, Values = (ulong)v, Count = (uint)count, ElementFlags = (ulong)flags };
                long result = BpfSyscall.TryInvoke(BpfCommand.MapUpdateBatch, ref attr);
                if (result < 0)
                {
                    throw new BpfException(BpfCommand.MapUpdateBatch, (int)-result, $"map '{Name}': {attr.Count} of {count} entries written");
                }

                return (int)attr.Count;
            }
        }

        /// <summary>Deletes the given keys in one call; returns how many were deleted. Kernel: BPF_MAP_DELETE_BATCH (hash maps), since 5.6.</summary>
        public unsafe int DeleteBatch(ReadOnlySpan<byte> keys)
        {
            int count = CountKeys(keys);
            fixed (byte* k = keys)
            {
                using BpfFdLease map = Fd.Lease();
                var attr = new MapBatchAttr { MapFd = map.Number, Keys = (ulong)k, Count = (uint)count };
                long result = BpfSyscall.TryInvoke(BpfCommand.MapDeleteBatch, ref attr);
                if (result < 0)
                {
                    throw new BpfException(BpfCommand.MapDeleteBatch, (int)-result, $"map '{Name}': {attr.Count} of {count} keys deleted");
                }

                return (int)attr.Count;
            }
        }

        private int CountKeys(ReadOnlySpan<byte> keys)
        {
            if (keys.Length % KeySize != 0)
            {
                throw new ArgumentException($"keys must be a multiple of {KeySize} bytes", nameof(keys));
            }

            return keys.Length / KeySize;
        }

        private unsafe IReadOnlyList<KeyValuePair<byte[], byte[]>> ReadBatches(BpfCommand command, int batchSize, out int calls)
        {
            var entries = new List<KeyValuePair<byte[], byte[]>>();
            int size = batchSize > 0 ? batchSize : Math.Min(Math.Max(MaxEntries, 1), 256);
            int tokenSize = Math.Max(KeySize, 8);
            var inToken = new byte[tokenSize];
            var outToken = new byte[tokenSize];
            bool first = true;
            calls = 0;
            while (true)
            {
                var keys = new byte[size * KeySize];
                var values = new byte[size * ValueBufferSize];
                long result;
                uint count;
                fixed (byte* inBatch = inToken)
                fixed (byte* outBatch = outToken)
                fixed (byte* k = keys)
                fixed (byte* v = values)
                {
                    using BpfFdLease map = Fd.Lease();
                    var attr = new MapBatchAttr
                    {
                        MapFd = map.Number,
                        InBatch = first ? 0 : (ulong)inBatch,
                        OutBatch = (ulong)outBatch,
                        Keys = (ulong)k,
                        Values = (ulong)v,
                        Count = (uint)size,
                    };
                    result = BpfSyscall.TryInvoke(command, ref attr);
                    count = attr.Count;
                }

                calls++;
                if (result == -ENOSPC && count == 0)
                {
                    size *= 2; // a hash bucket holds more entries than one batch
                    continue;
                }

                if (result < 0 && result != -ENOENT)
                {
                    throw new BpfException(command, (int)-result, $"map '{Name}': batch of {size} after {entries.Count} entries");
                }

                for (int i = 0; i < count; i++)
                {
                    entries.Add(new KeyValuePair<byte[], byte[]>(
                        keys.AsSpan(i * KeySize, KeySize).ToArray(),
                        values.AsSpan(i * ValueBufferSize, ValueBufferSize).ToArray()));
                }

                if (result == -ENOENT)
                {
                    return entries; // the end: this last call may still have carried entries
                }

                Array.Copy(outToken, inToken, tokenSize);
                first = false;
            }
        }
    }
}

using System;
using System.Collections.Generic;
using Ebpf.Loader.Sys;

namespace Ebpf.Loader.Maps
{
    public sealed partial class BpfMap
    {
        private const int ENOENT = 2;

        /// <summary>
        /// Copies the value of <paramref name="key"/> into <paramref name="value"/> (at least
        /// <see cref="ValueBufferSize"/> bytes). Returns false when the key is absent. Kernel: BPF_MAP_LOOKUP_ELEM.
        /// </summary>
        public unsafe bool TryLookup(ReadOnlySpan<byte> key, Span<byte> value)
        {
            CheckKey(key);
            CheckValue(value.Length);
            fixed (byte* k = key)
            fixed (byte* v = value)
            {
                using BpfFdLease map = Fd.Lease();
                var attr = new MapElementAttr { MapFd = map.Number, Key = (ulong)k, Value = (ulong)v };
                return Succeeded(BpfCommand.MapLookupElem, BpfSyscall.TryInvoke(BpfCommand.MapLookupElem, ref attr));
            }
        }

        /// <summary>The value of <paramref name="key"/>, or null when absent.</summary>
        public byte[]? Lookup(ReadOnlySpan<byte> key)
        {
            var value = new byte[ValueBufferSize];
            return TryLookup(key, value) ? value : null;
        }

        /// <summary>Creates or replaces an element, as <paramref name="flags"/> allow. Kernel: BPF_MAP_UPDATE_ELEM.</summary>
        /// <exception cref="BpfException">EEXIST with <see cref="MapUpdateFlags.NoExist"/>, ENOENT with <see cref="MapUpdateFlags.Exist"/>, E2BIG when full.</exception>
        public unsafe void Update(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, MapUpdateFlags flags = MapUpdateFlags.Any)
        {
            CheckKey(key);
            CheckValue(value.Length);
            fixed (byte* k = key)
            fixed (byte* v = value)
            {
                using BpfFdLease map = Fd.Lease();
                var attr = new MapElementAttr { MapFd = map.Number, Key = (ulong)k, Value = (ulong)v, Flags = (ulong)flags };
                long result = BpfSyscall.TryInvoke(BpfCommand.MapUpdateElem, ref attr);
                if (result < 0)
                {
                    throw new BpfException(BpfCommand.MapUpdateElem, (int)-result, DescribeUpdateFailure((int)-result, flags));
                }
            }
        }

        /// <summary>Deletes <paramref name="key"/>; false when it was absent. Kernel: BPF_MAP_DELETE_ELEM.</summary>
        public unsafe bool Delete(ReadOnlySpan<byte> key)
        {
            CheckKey(key);
            fixed (byte* k = key)
            {
                using BpfFdLease map = Fd.Lease();
                var attr = new MapElementAttr { MapFd = map.Number, Key = (ulong)k };
                return Succeeded(BpfCommand.MapDeleteElem, BpfSyscall.TryInvoke(BpfCommand.MapDeleteElem, ref attr));
            }
        }

        /// <summary>
        /// Writes the key after <paramref name="key"/> (or the first key when <paramref name="key"/> is empty)
        /// to <paramref name="nextKey"/>; false at the end. Kernel: BPF_MAP_GET_NEXT_KEY.
        /// </summary>
        public unsafe bool TryGetNextKey(ReadOnlySpan<byte> key, Span<byte> nextKey)
        {
            if (!key.IsEmpty)
            {
                CheckKey(key);
            }

            if (nextKey.Length < KeySize)
            {
                throw new ArgumentException($"next key buffer needs {KeySize} bytes", nameof(nextKey));
            }

            fixed (byte* k = key)
            fixed (byte* n = nextKey)
            {
                using BpfFdLease map = Fd.Lease();
                var attr = new MapElementAttr { MapFd = map.Number, Key = key.IsEmpty ? 0 : (ulong)k, Value = (ulong)n };
                return Succeeded(BpfCommand.MapGetNextKey, BpfSyscall.TryInvoke(BpfCommand.MapGetNextKey, ref attr));
            }
        }

        /// <summary>All keys, in the kernel's iteration order (a snapshot taken step by step).</summary>
        public IEnumerable<byte[]> Keys()
        {
            byte[] current = Array.Empty<byte>();
            while (true)
            {
                var next = new byte[KeySize];
                if (!TryGetNextKey(current, next))
                {
                    yield break;
                }

                yield return next;
                current = next;
            }
        }

        /// <summary>
        /// Copies the value of <paramref name="key"/> and deletes it in one step; false when absent.
        /// For QUEUE and STACK pass an empty key. Kernel: BPF_MAP_LOOKUP_AND_DELETE_ELEM (hash maps since 5.14).
        /// </summary>
        public unsafe bool TryLookupAndDelete(ReadOnlySpan<byte> key, Span<byte> value)
        {
            if (!key.IsEmpty)
            {
                CheckKey(key);
            }

            CheckValue(value.Length);
            fixed (byte* k = key)
            fixed (byte* v = value)
            {
                using BpfFdLease map = Fd.Lease();
                var attr = new MapElementAttr { MapFd = map.Number, Key = key.IsEmpty ? 0 : (ulong)k, Value = (ulong)v };
                return Succeeded(BpfCommand.MapLookupAndDeleteElem, BpfSyscall.TryInvoke(BpfCommand.MapLookupAndDeleteElem, ref attr));
            }
        }

        /// <summary>Makes the map read-only for user space (programs may still write). Kernel: BPF_MAP_FREEZE, since 5.2.</summary>
        public void Freeze()
        {
            using BpfFdLease map = Fd.Lease();
            var attr = new MapElementAttr { MapFd = map.Number };
            BpfSyscall.Invoke(BpfCommand.MapFreeze, ref attr);
        }

        private static bool Succeeded(BpfCommand command, long result)
        {
            if (result >= 0)
            {
                return true;
            }

            if (result == -ENOENT)
            {
                return false;
            }

            throw BpfException.For(command, (int)-result);
        }

        private void CheckKey(ReadOnlySpan<byte> key)
        {
            if (key.Length != KeySize)
            {
                throw new ArgumentException($"map '{Name}' has {KeySize}-byte keys, got {key.Length} bytes", nameof(key));
            }
        }

        private void CheckValue(int length)
        {
            if (length < ValueBufferSize)
            {
                string perCpu = IsPerCpu ? $" ({PossibleCpus.Count} possible CPUs × {PossibleCpus.Stride(ValueSize)} bytes)" : string.Empty;
                throw new ArgumentException($"map '{Name}' needs a {ValueBufferSize}-byte value buffer{perCpu}, got {length}", "value");
            }
        }

        private string? DescribeUpdateFailure(int errno, MapUpdateFlags flags) => errno switch
        {
            17 => $"map '{Name}': the key exists and the update said {flags}",
            2 => $"map '{Name}': the key does not exist and the update said {flags}",
            7 => $"map '{Name}': full ({MaxEntries} entries) or the index is out of range",
            1 when Type == Asm.MapType.Array || Type == Asm.MapType.PerCpuArray => $"map '{Name}' is frozen or read-only for user space",
            _ => ErrnoNames.LikelyCause(BpfCommand.MapUpdateElem, errno),
        };
    }
}

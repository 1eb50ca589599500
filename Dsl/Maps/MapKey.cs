using System;
using System.Runtime.InteropServices;

namespace Ebpf.Dsl.Maps
{
    /// <summary>A key as the kernel compares it: its bytes (memcmp), padding included.</summary>
    internal readonly struct MapKey : IEquatable<MapKey>
    {
        private readonly byte[] _bytes;
        private readonly int _hash;

        private MapKey(byte[] bytes)
        {
            _bytes = bytes;
            var hash = new HashCode();
            hash.AddBytes(bytes);
            _hash = hash.ToHashCode();
        }

        public ReadOnlySpan<byte> Bytes => _bytes;

        public static MapKey From<TKey>(in TKey key)
            where TKey : unmanaged
        {
            return new MapKey(MemoryMarshal.AsBytes(new ReadOnlySpan<TKey>(in key)).ToArray());
        }

        public static MapKey From(byte[] bytes) => new(bytes);

        public bool Equals(MapKey other) => _bytes.AsSpan().SequenceEqual(other._bytes);

        public override bool Equals(object? obj) => obj is MapKey other && Equals(other);

        public override int GetHashCode() => _hash;
    }
}

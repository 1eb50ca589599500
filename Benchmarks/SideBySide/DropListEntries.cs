using System;
using System.Collections.Generic;
using System.Net;
using System.Text;

namespace Ebpf.Benchmarks.SideBySide
{
    /// <summary>
    /// The drop lists the filter is timed with: 1,000 random prefixes per address family (fixed seed, none covering the
    /// passing sources of <see cref="TestPackets"/>) plus the listed IPv4 source as a /32, as LPM_TRIE keys
    /// (u32 prefix length, then the address in network order) and values (a text tag, zero-padded to the value size).
    /// </summary>
    internal static class DropListEntries
    {
        /// <summary>Random prefixes per trie.</summary>
        public const int RandomPrefixes = 1000;

        /// <summary>The IPv4 source the drop-list frame comes from; it is in the IPv4 trie as a /32.</summary>
        public static IPAddress ListedIpv4Source { get; } = IPAddress.Parse("192.0.2.1");

        private const int Seed = 20261126;

        /// <summary>The IPv4 trie's keys: the random prefixes, then the listed source.</summary>
        public static IReadOnlyList<byte[]> Ipv4Keys() => Keys(4, 8, 32, TestPackets.Ipv4Source, ListedIpv4Source);

        /// <summary>The IPv6 trie's keys: the random prefixes.</summary>
        public static IReadOnlyList<byte[]> Ipv6Keys() => Keys(16, 16, 128, TestPackets.Ipv6Source, listed: null);

        /// <summary>A value of <paramref name="size"/> bytes whose first bytes are the tag <c>bench-N</c>.</summary>
        public static byte[] Value(int size, int index)
        {
            var value = new byte[size];
            byte[] tag = Encoding.ASCII.GetBytes("bench-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            tag.AsSpan(0, Math.Min(tag.Length, size)).CopyTo(value);
            return value;
        }

        private static IReadOnlyList<byte[]> Keys(int addressBytes, int shortest, int longest, IPAddress passing, IPAddress? listed)
        {
            var random = new Random(Seed + addressBytes);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var keys = new List<byte[]>();
            byte[] passingBytes = passing.GetAddressBytes();
            while (keys.Count < RandomPrefixes)
            {
                int length = random.Next(shortest, longest + 1);
                var address = new byte[addressBytes];
                random.NextBytes(address);
                Mask(address, length);
                if (Covers(address, length, passingBytes) || !seen.Add(Convert.ToHexString(address) + "/" + length))
                {
                    continue;
                }

                keys.Add(Key(address, length));
            }

            if (listed is not null)
            {
                keys.Add(Key(listed.GetAddressBytes(), addressBytes * 8));
            }

            return keys;
        }

        private static byte[] Key(byte[] address, int prefixLength)
        {
            var key = new byte[4 + address.Length];
            BitConverter.TryWriteBytes(key.AsSpan(0, 4), (uint)prefixLength);
            address.CopyTo(key, 4);
            return key;
        }

        private static void Mask(byte[] address, int prefixLength)
        {
            for (int bit = prefixLength; bit < address.Length * 8; bit++)
            {
                address[bit / 8] &= (byte)~(0x80 >> (bit % 8));
            }
        }

        private static bool Covers(byte[] prefix, int prefixLength, byte[] address)
        {
            var masked = (byte[])address.Clone();
            Mask(masked, prefixLength);
            return masked.AsSpan().SequenceEqual(prefix);
        }
    }
}

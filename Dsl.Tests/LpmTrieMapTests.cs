using System.Collections.Generic;
using System.Linq;
using CsCheck;
using Ebpf.Dsl.Maps;
using Ebpf.Dsl.Packets;
using Xunit;

namespace Ebpf.Dsl.Tests
{
    public class LpmTrieMapTests
    {
        private static uint Ip(byte a, byte b, byte c, byte d) => Net.ToNetwork32((uint)(a << 24 | b << 16 | c << 8 | d));

        [Fact]
        public void LookupReturnsTheLongestMatchingPrefix()
        {
            var map = new LpmTrieMap<uint, uint>(maxEntries: 8);
            Assert.Equal(0, map.Update(new LpmKey<uint>(8, Ip(10, 0, 0, 0)), 8));
            Assert.Equal(0, map.Update(new LpmKey<uint>(24, Ip(10, 1, 2, 0)), 24));
            Assert.Equal(0, map.Update(new LpmKey<uint>(0, 0), 0));

            Assert.Equal(24u, map.Lookup(new LpmKey<uint>(32, Ip(10, 1, 2, 3)))!.Value);
            Assert.Equal(8u, map.Lookup(new LpmKey<uint>(32, Ip(10, 1, 3, 3)))!.Value);
            Assert.Equal(0u, map.Lookup(new LpmKey<uint>(32, Ip(192, 168, 0, 1)))!.Value);
            Assert.Equal(8u, map.Lookup(new LpmKey<uint>(16, Ip(10, 1, 2, 3)))!.Value);
        }

        [Fact]
        public void NoMatchIsNull()
        {
            var map = new LpmTrieMap<uint, uint>(maxEntries: 8);
            map.Update(new LpmKey<uint>(16, Ip(172, 16, 0, 0)), 1);
            Assert.Null(map.Lookup(new LpmKey<uint>(32, Ip(172, 17, 0, 1))));
        }

        [Fact]
        public void BitsAfterThePrefixAreIgnoredAndDeleteNeedsTheExactPrefix()
        {
            var map = new LpmTrieMap<uint, uint>(maxEntries: 8);
            Assert.Equal(0, map.Update(new LpmKey<uint>(12, Ip(10, 15, 255, 255)), 1));
            Assert.Equal(-Errno.EEXIST, map.Update(new LpmKey<uint>(12, Ip(10, 0, 0, 0)), 2, UpdateFlags.NoExist));
            Assert.Equal(-Errno.ENOENT, map.Delete(new LpmKey<uint>(13, Ip(10, 0, 0, 0))));
            Assert.Equal(0, map.Delete(new LpmKey<uint>(12, Ip(10, 0, 0, 0))));
        }

        [Fact]
        public void CapacityAndPrefixLengthErrors()
        {
            var map = new LpmTrieMap<uint, uint>(maxEntries: 1);
            Assert.Equal(MapFlags.NoPrealloc, map.Flags & MapFlags.NoPrealloc);
            Assert.Equal(-Errno.EINVAL, map.Update(new LpmKey<uint>(33, 0), 1));
            Assert.Equal(0, map.Update(new LpmKey<uint>(8, Ip(10, 0, 0, 0)), 1));
            Assert.Equal(-Errno.ENOSPC, map.Update(new LpmKey<uint>(8, Ip(11, 0, 0, 0)), 1));
            Assert.Equal(0, map.Update(new LpmKey<uint>(8, Ip(10, 0, 0, 0)), 2));
        }

        [Fact]
        public void Ipv6PrefixesMatch()
        {
            var map = new LpmTrieMap<Ipv6Address, uint>(maxEntries: 4);
            var prefix = new Ipv6Address();
            prefix[0] = 0x20;
            prefix[1] = 0x01;
            prefix[2] = 0x0d;
            prefix[3] = 0xb8;
            Assert.Equal(0, map.Update(new LpmKey<Ipv6Address>(32, prefix), 32));
            var address = prefix;
            address[15] = 1;
            Assert.Equal(32u, map.Lookup(new LpmKey<Ipv6Address>(128, address))!.Value);
            address[3] = 0xb9;
            Assert.Null(map.Lookup(new LpmKey<Ipv6Address>(128, address)));
        }

        [Fact]
        public void LookupAgreesWithALinearScan()
        {
            var prefixes = Gen.Select(Gen.UInt[0, 32], Gen.UInt).Array[0, 12];
            Gen.Select(prefixes, Gen.UInt).Sample((entries, address) =>
            {
                var map = new LpmTrieMap<uint, uint>(maxEntries: 16);
                var stored = new Dictionary<(uint, uint), uint>();
                for (uint i = 0; i < entries.Length; i++)
                {
                    var (length, bits) = entries[i];
                    uint masked = length == 0 ? 0 : bits & (uint.MaxValue << (int)(32 - length));
                    map.Update(new LpmKey<uint>(length, Net.ToNetwork32(masked)), i);
                    stored[(length, masked)] = i;
                }

                var best = stored
                    .Where(e => e.Key.Item1 == 0 || (address & (uint.MaxValue << (int)(32 - e.Key.Item1))) == e.Key.Item2)
                    .OrderByDescending(e => e.Key.Item1)
                    .Select(e => (uint?)e.Value)
                    .FirstOrDefault();
                var found = map.Lookup(new LpmKey<uint>(32, Net.ToNetwork32(address)));
                Assert.Equal(best, found?.Value);
            });
        }
    }
}

using Ebpf.Dsl.Maps;
using Xunit;

namespace Ebpf.Dsl.Tests
{
    public class HashMapTests
    {
        [Fact]
        public void MissingKeyLooksUpNull()
        {
            var map = new HashMap<uint, ulong>(maxEntries: 4);
            Assert.Null(map.Lookup(1));
        }

        [Fact]
        public void FlagsDecideCreateAndReplace()
        {
            var map = new HashMap<uint, ulong>(maxEntries: 4);
            Assert.Equal(-Errno.ENOENT, map.Update(1, 10, UpdateFlags.Exist));
            Assert.Equal(0, map.Update(1, 10, UpdateFlags.NoExist));
            Assert.Equal(-Errno.EEXIST, map.Update(1, 11, UpdateFlags.NoExist));
            Assert.Equal(0, map.Update(1, 12, UpdateFlags.Exist));
            Assert.Equal(-Errno.EINVAL, map.Update(1, 13, (UpdateFlags)7));
            Assert.Equal(12UL, map.Lookup(1)!.Value);
        }

        [Fact]
        public void FullMapRefusesNewKeysButReplacesExistingOnes()
        {
            var map = new HashMap<uint, ulong>(maxEntries: 2);
            Assert.Equal(0, map.Update(1, 1));
            Assert.Equal(0, map.Update(2, 2));
            Assert.Equal(-Errno.E2BIG, map.Update(3, 3));
            Assert.Equal(0, map.Update(2, 20));
            Assert.Equal(0, map.Delete(1));
            Assert.Equal(0, map.Update(3, 3));
            Assert.Equal(2, map.Count);
        }

        [Fact]
        public void DeleteOfMissingKeyIsEnoent()
        {
            var map = new HashMap<uint, ulong>(maxEntries: 2);
            Assert.Equal(-Errno.ENOENT, map.Delete(5));
        }

        [Fact]
        public void ReplacedEntryIsANewElement()
        {
            var map = new HashMap<uint, ulong>(maxEntries: 2);
            map.Update(1, 1);
            var old = map.Lookup(1)!;
            map.Update(1, 2);
            Assert.Equal(1UL, old.Value);
            Assert.Equal(2UL, map.Lookup(1)!.Value);
        }

        [Fact]
        public void KeysCompareByTheirBytes()
        {
            var map = new HashMap<(uint, ushort), uint>(maxEntries: 4);
            map.Update((1u, (ushort)2), 12);
            Assert.Equal(12u, map.Lookup((1u, (ushort)2))!.Value);
            Assert.Null(map.Lookup((1u, (ushort)3)));
        }

        [Fact]
        public void LruEvictsTheLeastRecentlyUsedEntry()
        {
            var map = new LruHashMap<uint, uint>(maxEntries: 2);
            Assert.Equal(0, map.Update(1, 1));
            Assert.Equal(0, map.Update(2, 2));
            Assert.NotNull(map.Lookup(1));
            Assert.Equal(0, map.Update(3, 3));

            Assert.NotNull(map.Lookup(1));
            Assert.Null(map.Lookup(2));
            Assert.NotNull(map.Lookup(3));
            Assert.Equal(2, map.Count);
        }

        [Fact]
        public void LruKeepsUpdateFlagSemantics()
        {
            var map = new LruHashMap<uint, uint>(maxEntries: 1);
            Assert.Equal(-Errno.ENOENT, map.Update(1, 1, UpdateFlags.Exist));
            Assert.Equal(0, map.Update(1, 1, UpdateFlags.NoExist));
            Assert.Equal(-Errno.EEXIST, map.Update(1, 1, UpdateFlags.NoExist));
            Assert.Equal(0, map.Delete(1));
            Assert.Equal(-Errno.ENOENT, map.Delete(1));
        }
    }
}

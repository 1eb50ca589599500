using Ebpf.Dsl.Maps;
using Xunit;

namespace Ebpf.Dsl.Tests
{
    public class ArrayMapTests
    {
        [Fact]
        public void EveryInRangeEntryExistsZeroed()
        {
            var map = new ArrayMap<ulong>(maxEntries: 4);
            for (uint i = 0; i < 4; i++)
            {
                var value = map.Lookup(i);
                Assert.NotNull(value);
                Assert.Equal(0UL, value.Value);
            }
        }

        [Fact]
        public void OutOfRangeLookupIsNull()
        {
            var map = new ArrayMap<ulong>(maxEntries: 4);
            Assert.Null(map.Lookup(4));
            Assert.Null(map.Lookup(uint.MaxValue));
        }

        [Fact]
        public void WritesThroughTheReferenceChangeTheMap()
        {
            var map = new ArrayMap<ulong>(maxEntries: 2);
            map.Lookup(1)!.Value = 42;
            Assert.Equal(42UL, map.Lookup(1)!.Value);
            Assert.Equal(0UL, map.Lookup(0)!.Value);
        }

        [Fact]
        public void UpdateFollowsKernelErrors()
        {
            var map = new ArrayMap<uint>(maxEntries: 2);
            Assert.Equal(0, map.Update(0, 7));
            Assert.Equal(0, map.Update(0, 8, UpdateFlags.Exist));
            Assert.Equal(-Errno.EEXIST, map.Update(0, 9, UpdateFlags.NoExist));
            Assert.Equal(-Errno.E2BIG, map.Update(2, 9));
            Assert.Equal(-Errno.EINVAL, map.Update(0, 9, (UpdateFlags)3));
            Assert.Equal(-Errno.EINVAL, map.Delete(0));
            Assert.Equal(8u, map.Lookup(0)!.Value);
        }

        [Fact]
        public void UpdateIsInPlaceSoEarlierReferencesSeeIt()
        {
            var map = new ArrayMap<uint>(maxEntries: 1);
            var before = map.Lookup(0)!;
            map.Update(0, 5);
            Assert.Equal(5u, before.Value);
        }
    }
}

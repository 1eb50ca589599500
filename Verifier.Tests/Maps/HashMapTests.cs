using System;
using System.Linq;
using System.Runtime.InteropServices;
using Ebpf.Asm;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Sys;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Maps
{
    public sealed class HashMapTests : KernelTest
    {
        [StructLayout(LayoutKind.Sequential)]
        private struct FlowKey
        {
            public uint Source;
            public uint Destination;
            public ushort Port;
            public ushort Protocol;
        }

        [Theory]
        [InlineData(MapType.Hash)]
        [InlineData(MapType.LruHash)]
        public void Set_get_remove_with_struct_keys(MapType type)
        {
            using BpfMap map = BpfMap.Create(new MapDefinition("flows", type, 12, 8, 16));
            var view = new HashView<FlowKey, ulong>(map);
            var key = new FlowKey { Source = 1, Destination = 2, Port = 80, Protocol = 6 };

            view.Set(key, 1000);
            bool found = view.TryGetValue(key, out ulong value);
            bool removed = view.Remove(key);

            Assert.True(found);
            Assert.Equal(1000ul, value);
            Assert.True(removed);
            Assert.False(view.TryGetValue(key, out _));
            Assert.False(view.Remove(key));
        }

        [Fact]
        public void NoExist_and_Exist_flags_fail_with_their_errnos()
        {
            using BpfMap map = BpfMap.Create(new MapDefinition("h", MapType.Hash, 4, 4, 4));
            var view = new HashView<uint, uint>(map);

            BpfException missing = Assert.Throws<BpfException>(() => view.Set(1, 1, MapUpdateFlags.Exist));
            view.Set(1, 1, MapUpdateFlags.NoExist);
            BpfException present = Assert.Throws<BpfException>(() => view.Set(1, 2, MapUpdateFlags.NoExist));
            view.Set(1, 3, MapUpdateFlags.Exist);

            Assert.Equal(Errno.ENOENT, missing.Errno);
            Assert.Equal(Errno.EEXIST, present.Errno);
            Assert.True(view.TryGetValue(1, out uint value));
            Assert.Equal(3u, value);
        }

        [Fact]
        public void A_full_hash_refuses_new_keys_but_an_lru_hash_evicts()
        {
            using BpfMap hash = BpfMap.Create(new MapDefinition("h", MapType.Hash, 4, 4, 4));
            using BpfMap lru = BpfMap.Create(new MapDefinition("lru", MapType.LruHash, 4, 4, 4));
            var hashView = new HashView<uint, uint>(hash);
            var lruView = new HashView<uint, uint>(lru);
            for (uint i = 0; i < 4; i++)
            {
                hashView.Set(i, i);
            }

            BpfException full = Assert.Throws<BpfException>(() => hashView.Set(99, 99));
            for (uint i = 0; i < 64; i++)
            {
                lruView.Set(i, i);
            }

            Assert.Equal(Errno.E2BIG, full.Errno);
            Assert.InRange(lruView.Keys().Count(), 1, 4);
            Assert.True(lruView.TryGetValue(63, out uint newest));
            Assert.Equal(63u, newest);
        }

        [Fact]
        public void Keys_and_batch_lookup_see_every_entry()
        {
            using BpfMap map = BpfMap.Create(new MapDefinition("h", MapType.Hash, 4, 4, 64));
            var view = new HashView<uint, uint>(map);
            for (uint i = 1; i <= 40; i++)
            {
                view.Set(i * 7, i);
            }

            var keys = view.Keys().OrderBy(k => k).ToArray();
            var entries = map.LookupBatch(5, out int calls);

            Assert.Equal(Enumerable.Range(1, 40).Select(i => (uint)i * 7).ToArray(), keys);
            Assert.Equal(40, entries.Count);
            Assert.True(calls > 1);
            Assert.All(entries, e => Assert.Equal(BitConverter.ToUInt32(e.Key) / 7, BitConverter.ToUInt32(e.Value)));
            Assert.Equal(view.Entries().Select(e => e.Key).OrderBy(k => k), keys);
        }

        [Fact]
        public void Batch_delete_and_lookup_and_delete_empty_the_map()
        {
            using BpfMap map = BpfMap.Create(new MapDefinition("h", MapType.Hash, 4, 4, 16));
            var view = new HashView<uint, uint>(map);
            for (uint i = 0; i < 10; i++)
            {
                view.Set(i, i + 100);
            }

            int deleted = map.DeleteBatch(MemoryMarshal.AsBytes(new uint[] { 0, 1, 2 }.AsSpan()));
            var taken = map.LookupAndDeleteBatch(4);
            bool tookAfterEmpty = view.TryTake(5, out _);

            Assert.Equal(3, deleted);
            Assert.Equal(Enumerable.Range(3, 7).Select(i => (uint)i).ToArray(), taken.Select(e => BitConverter.ToUInt32(e.Key)).OrderBy(k => k).ToArray());
            Assert.Empty(view.Keys());
            Assert.False(tookAfterEmpty);
        }

        [Fact]
        public void TryTake_reads_and_deletes_one_element()
        {
            using BpfMap map = BpfMap.Create(new MapDefinition("h", MapType.Hash, 4, 4, 4));
            var view = new HashView<uint, uint>(map);
            view.Set(9, 81);

            Assert.True(view.TryTake(9, out uint value));
            Assert.Equal(81u, value);
            Assert.False(view.TryGetValue(9, out _));
        }
    }
}

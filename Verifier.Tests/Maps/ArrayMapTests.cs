using System;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Sys;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Maps
{
    public sealed class ArrayMapTests : KernelTest
    {
        [Fact]
        public void Create_reports_the_definition_back_from_the_kernel()
        {
            using BpfMap map = BpfMap.Create(new MapDefinition("a_rather_long_map_name", MapType.Array, 4, 8, 16));

            Assert.Equal("a_rather_long_m", map.Name);
            Assert.Equal(MapType.Array, map.Type);
            Assert.Equal((4, 8, 16), (map.KeySize, map.ValueSize, map.MaxEntries));
            Assert.NotEqual(0u, map.Id);
        }

        [Fact]
        public void Elements_start_zeroed_and_read_back_what_was_written()
        {
            using BpfMap map = BpfMap.Create(new MapDefinition("arr", MapType.Array, 4, 8, 4));
            var view = new ArrayView<ulong>(map);

            view[2] = 0x1122334455667788;

            Assert.Equal(new ulong[] { 0, 0, 0x1122334455667788, 0 }, view.ToArray());
        }

        [Fact]
        public void Update_flags_follow_array_semantics()
        {
            using BpfMap map = BpfMap.Create(new MapDefinition("arr", MapType.Array, 4, 4, 2));
            var view = new ArrayView<uint>(map);

            view.Update(0, 5, MapUpdateFlags.Exist);
            BpfException noExist = Assert.Throws<BpfException>(() => view.Update(1, 6, MapUpdateFlags.NoExist));
            BpfException outOfRange = Assert.Throws<BpfException>(() => view.Update(2, 7));

            Assert.Equal(5u, view[0]);
            Assert.Equal(Errno.EEXIST, noExist.Errno);
            Assert.Equal(Errno.E2BIG, outOfRange.Errno);
            Assert.Contains("out of range", outOfRange.Message);
        }

        [Fact]
        public void Delete_is_refused_and_keys_iterate_every_index()
        {
            using BpfMap map = BpfMap.Create(new MapDefinition("arr", MapType.Array, 4, 4, 3));

            Assert.Throws<BpfException>(() => map.Delete(BitConverter.GetBytes(0u)));
            Assert.Equal(new uint[] { 0, 1, 2 }, map.Keys().Select(key => BitConverter.ToUInt32(key)).ToArray());
        }

        [Fact]
        public void Batch_update_then_batch_lookup_over_several_calls()
        {
            using BpfMap map = BpfMap.Create(new MapDefinition("arr", MapType.Array, 4, 4, 10));
            uint[] keys = Enumerable.Range(0, 10).Select(i => (uint)i).ToArray();
            uint[] values = keys.Select(k => k * 100 + 7).ToArray();

            int written = map.UpdateBatch(
                System.Runtime.InteropServices.MemoryMarshal.AsBytes(keys.AsSpan()),
                System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
            var entries = map.LookupBatch(3, out int calls);

            Assert.Equal(10, written);
            Assert.True(calls >= 4, $"10 entries in batches of 3 took {calls} calls");
            Assert.Equal(keys, entries.Select(e => BitConverter.ToUInt32(e.Key)).ToArray());
            Assert.Equal(values, entries.Select(e => BitConverter.ToUInt32(e.Value)).ToArray());
        }

        [Fact]
        public void A_frozen_map_refuses_user_space_writes_but_still_reads()
        {
            using BpfMap map = BpfMap.Create(new MapDefinition("frozen", MapType.Array, 4, 4, 1));
            var view = new ArrayView<uint>(map);
            view[0] = 42;

            map.Freeze();

            BpfException error = Assert.Throws<BpfException>(() => view[0] = 43);
            Assert.Equal(Errno.EPERM, error.Errno);
            Assert.Equal(42u, view[0]);
        }

        [Fact]
        public void A_view_of_the_wrong_size_or_type_is_refused()
        {
            using BpfMap map = BpfMap.Create(new MapDefinition("arr", MapType.Array, 4, 4, 1));

            ArgumentException size = Assert.Throws<ArgumentException>(() => new ArrayView<ulong>(map));
            ArgumentException type = Assert.Throws<ArgumentException>(() => new HashView<uint, uint>(map));

            Assert.Contains("4-byte value", size.Message);
            Assert.Contains("Array", type.Message);
        }
    }
}

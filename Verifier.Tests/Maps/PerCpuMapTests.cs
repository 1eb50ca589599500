using System;
using System.Linq;
using System.Runtime.InteropServices;
using Ebpf.Asm;
using Ebpf.Loader.Maps;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Maps
{
    public sealed class PerCpuMapTests : KernelTest
    {
        [StructLayout(LayoutKind.Sequential)]
        private struct Pair
        {
            public byte First;
            public byte Second;
        }

        [Fact]
        public void A_percpu_array_value_is_one_slot_per_possible_cpu_rounded_to_8_bytes()
        {
            using BpfMap map = BpfMap.Create(new MapDefinition("pcpu", MapType.PerCpuArray, 4, 2, 2));
            var view = new PerCpuArrayView<Pair>(map);
            Pair[] values = Enumerable.Range(0, view.CpuCount).Select(cpu => new Pair { First = (byte)(10 + cpu), Second = (byte)(20 + cpu) }).ToArray();

            view.Set(1, values);
            byte[] raw = map.Lookup(BitConverter.GetBytes(1u))!;

            Assert.Equal(PossibleCpus.Count * 8, map.ValueBufferSize);
            Assert.Equal(map.ValueBufferSize, raw.Length);
            for (int cpu = 0; cpu < view.CpuCount; cpu++)
            {
                Assert.Equal(10 + cpu, raw[cpu * 8]);
                Assert.Equal(20 + cpu, raw[cpu * 8 + 1]);
            }

            Assert.Equal(values, view.Get(1));
            Assert.All(view.Get(0), value => Assert.Equal(default, value));
        }

        [Fact]
        public void SetAll_writes_every_cpu_and_a_short_buffer_is_refused()
        {
            using BpfMap map = BpfMap.Create(new MapDefinition("pcpu", MapType.PerCpuArray, 4, 8, 1));
            var view = new PerCpuArrayView<ulong>(map);

            view.SetAll(0, 77);

            Assert.All(view.Get(0), value => Assert.Equal(77ul, value));
            ArgumentException error = Assert.Throws<ArgumentException>(() => map.Update(BitConverter.GetBytes(0u), new byte[8]));
            Assert.Contains("possible CPUs", error.Message);
        }

        [Theory]
        [InlineData(MapType.PerCpuHash)]
        [InlineData(MapType.LruPerCpuHash)]
        public void A_percpu_hash_keeps_per_cpu_values_and_batches_them(MapType type)
        {
            using BpfMap map = BpfMap.Create(new MapDefinition("pcpuh", type, 4, 4, 8));
            var view = new PerCpuHashView<uint, uint>(map);
            uint[] perCpu = Enumerable.Range(0, PossibleCpus.Count).Select(cpu => (uint)(cpu + 1) * 1000).ToArray();

            view.Set(5, perCpu);
            view.SetAll(6, 3);
            bool found = view.TryGetValues(5, out uint[] values);
            var entries = view.Entries().OrderBy(e => e.Key).ToList();
            bool removed = view.Remove(5);

            Assert.True(found);
            Assert.Equal(perCpu, values);
            Assert.Equal(new uint[] { 5, 6 }, entries.Select(e => e.Key).ToArray());
            Assert.Equal(perCpu, entries[0].Value);
            Assert.All(entries[1].Value, value => Assert.Equal(3u, value));
            Assert.True(removed);
            Assert.Equal(new uint[] { 6 }, view.Keys().ToArray());
        }
    }
}

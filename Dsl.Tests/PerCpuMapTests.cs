using Ebpf.Dsl.Maps;
using Xunit;

namespace Ebpf.Dsl.Tests
{
    public class PerCpuMapTests
    {
        [Fact]
        public void ArrayHoldsOneCopyPerCpu()
        {
            var runtime = new BpfRuntime(possibleCpus: 3);
            using var scope = BpfRuntime.Enter(runtime);
            var map = new PerCpuArrayMap<ulong>(maxEntries: 1);

            runtime.CurrentCpu = 0;
            map.Lookup(0)!.Value += 10;
            runtime.CurrentCpu = 2;
            map.Lookup(0)!.Value += 5;
            Assert.Equal(0, map.Update(0, 7));

            Assert.Equal(new ulong[] { 10, 0, 7 }, map.ReadAllCpus(0));
            Assert.Equal(10UL, map.LookupOnCpu(0, 0)!.Value);
            Assert.Null(map.LookupOnCpu(0, 3));
            Assert.Null(map.Lookup(1));
        }

        [Fact]
        public void HashUpdateSetsOnlyTheCurrentCpuAndZeroesTheOthers()
        {
            var runtime = new BpfRuntime(possibleCpus: 2);
            using var scope = BpfRuntime.Enter(runtime);
            var map = new PerCpuHashMap<uint, ulong>(maxEntries: 1);

            runtime.CurrentCpu = 1;
            Assert.Equal(0, map.Update(9, 99));
            Assert.Equal(99UL, map.Lookup(9)!.Value);
            Assert.Equal(0UL, map.LookupOnCpu(9, 0)!.Value);

            runtime.CurrentCpu = 0;
            Assert.Equal(0, map.Update(9, 1, UpdateFlags.Exist));
            Assert.Equal(99UL, map.LookupOnCpu(9, 1)!.Value);
            Assert.Equal(-Errno.E2BIG, map.Update(10, 1));
            Assert.Equal(-Errno.EEXIST, map.Update(9, 1, UpdateFlags.NoExist));
            Assert.Equal(0, map.Delete(9));
            Assert.Null(map.Lookup(9));
        }
    }
}

using System;
using System.Linq;
using Xunit;

namespace Ebpf.Dsl.Tests
{
    public class HelperTests
    {
        [Fact]
        public void TracePrintkFormatsIntoTheRuntimeLog()
        {
            var runtime = new BpfRuntime();
            using var scope = BpfRuntime.Enter(runtime);

            Bpf.TracePrintk("plain");
            Bpf.TracePrintk("%d %u %x", -1, -1, 255);
            long written = Bpf.TracePrintk("%lld%% of %llx", -5, 0x1_0000_0000L);

            Assert.Equal(new[] { "plain", "-1 4294967295 ff", "-5% of 100000000" }, runtime.TraceLog);
            Assert.Equal("-5% of 100000000".Length, written);
            Assert.Throws<FormatException>(() => Bpf.TracePrintk("%d %d", 1));
            Assert.Throws<FormatException>(() => Bpf.TracePrintk("%s", 1));
        }

        [Fact]
        public void ClockCpuAndRandomComeFromTheRuntime()
        {
            var runtime = new BpfRuntime(possibleCpus: 4, seed: 7) { Clock = () => 123 };
            using var scope = BpfRuntime.Enter(runtime);
            runtime.CurrentCpu = 3;

            Assert.Equal(123UL, Bpf.KtimeGetNs());
            Assert.Equal(3u, Bpf.GetSmpProcessorId());
            var first = Enumerable.Range(0, 8).Select(_ => Bpf.GetPrandomU32()).ToArray();

            using var again = BpfRuntime.Enter(new BpfRuntime(seed: 7));
            Assert.Equal(first, Enumerable.Range(0, 8).Select(_ => Bpf.GetPrandomU32()).ToArray());
            Assert.Throws<ArgumentOutOfRangeException>(() => runtime.CurrentCpu = 4);
        }

        [Fact]
        public void TheDefaultClockIsTheKernelsMonotonicClockInNanoseconds()
        {
            // bpf_ktime_get_ns is CLOCK_MONOTONIC; Environment.TickCount64 reads CLOCK_MONOTONIC(_COARSE) in ms on Linux.
            // The first version multiplied the Stopwatch ticks by 1e9 in 64 bits, which wraps after ~18 s of uptime.
            using var scope = BpfRuntime.Enter(new BpfRuntime());
            long clockMs = (long)(Bpf.KtimeGetNs() / 1_000_000UL);
            Assert.InRange(clockMs - Environment.TickCount64, -1_000, 1_000);
        }

        [Fact]
        public void AtomicsActOnMapValues()
        {
            var map = new Maps.ArrayMap<ulong>(maxEntries: 1);
            var counter = map.Lookup(0)!;
            Atomic.Add(ref counter.Value, 5);
            Assert.Equal(5UL, Atomic.FetchAdd(ref counter.Value, 2));
            Assert.Equal(7UL, Atomic.Exchange(ref counter.Value, 1));
            Assert.Equal(1UL, Atomic.CompareExchange(ref counter.Value, 9, 1));
            Assert.Equal(9UL, map.Lookup(0)!.Value);
        }
    }
}

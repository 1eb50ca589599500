using System;
using System.Linq;
using System.Threading;
using Ebpf.Loader.Loading;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Programs;
using Ebpf.Loader.Sys;
using Ebpf.Programs.Filter;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Filter
{
    /// <summary>The reply rate limit is shared by CPUs: first fragments run at once on every CPU (BPF_PROG_TEST_RUN from
    /// threads pinned to each) get ptb_max_pps replies in total within one second, not that many per CPU.</summary>
    [Collection(nameof(FilterTestRunTests))]
    public sealed class FilterRateLimitTests : KernelTest
    {
        [Fact]
        public void Cpus_share_one_reply_budget_per_second()
        {
            Assert.SkipWhen(Environment.ProcessorCount < 2, "needs two CPUs");
            const uint limit = 10;
            const int perCpu = 200;
            using LoadedCollection filter = Collection.Load(XdpFilter.Image);
            new ArrayView<FilterConfig>(filter.Map("filter_config")).Update(0, new FilterConfig { FragsDrop = 1, PtbSend = 1, PtbMaxPps = limit });
            byte[] first = FilterPackets.Ipv4("203.0.113.5", "192.0.2.1", payload: 64, flagsAndOffset: FilterPackets.MoreFragments);
            BpfProgram program = filter.Program(nameof(XdpFilter.Filter));

            int[] replies = new int[Environment.ProcessorCount];
            using var start = new Barrier(replies.Length + 1);
            Thread[] runners = Enumerable.Range(0, replies.Length).Select(cpu => new Thread(() =>
            {
                using var pinned = new CpuAffinity(cpu);
                start.SignalAndWait(TestContext.Current.CancellationToken);
                for (int i = 0; i < perCpu; i++)
                {
                    replies[cpu] += program.TestRun(first).ReturnValue == 3 ? 1 : 0; // XDP_TX
                }
            })).ToArray();
            Array.ForEach(runners, runner => runner.Start());
            WaitForTheStartOfASecond();
            ulong startSecond = FilterBench.MonotonicNanoseconds() / 1_000_000_000UL;
            start.SignalAndWait(TestContext.Current.CancellationToken);
            Array.ForEach(runners, runner => runner.Join());
            ulong endSecond = FilterBench.MonotonicNanoseconds() / 1_000_000_000UL;

            FilterStats[] stats = new PerCpuArrayView<FilterStats>(filter.Map("filter_stats")).Get(0);
            Assert.True(startSecond == endSecond, "the runs crossed a second boundary; the bound below assumes one window");
            Assert.Equal((int)limit, replies.Sum());
            Assert.Equal(limit, (uint)stats.Sum(cpu => (long)cpu.PtbSentCount));
            Assert.Equal(perCpu * replies.Length - (int)limit, (int)stats.Sum(cpu => (long)cpu.PtbErrCount));
            Assert.True(stats.Count(cpu => cpu.PtbSentCount + cpu.PtbErrCount > 0) >= 2, "the runs did not spread over CPUs");
        }

        private static void WaitForTheStartOfASecond()
        {
            ulong intoTheSecond = FilterBench.MonotonicNanoseconds() % 1_000_000_000UL;
            Thread.Sleep(TimeSpan.FromMilliseconds(1000 - (double)intoTheSecond / 1_000_000 + 5));
        }
    }
}

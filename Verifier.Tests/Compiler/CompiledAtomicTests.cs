using Ebpf.Compiler.Tests.FrontEnd.Programs;
using Ebpf.Dsl;
using Ebpf.Loader.Loading;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Programs;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Compiler
{
    /// <summary>Atomic counters on a map value: the kernel accepts the BPF_ATOMIC code and ends where the CLR ends, run after run.</summary>
    public sealed class CompiledAtomicTests : KernelTest
    {
        [Fact]
        public void Kernel_and_clr_agree_on_counters_changed_atomically_over_several_runs()
        {
            int[] lengths = { 60, 150, 42, 1000, 64 };
            using LoadedCollection collection = Collection.Load(CompiledPrograms.Compile("AtomicCounters", "AtomicCounters.cs"));
            var kernelStats = new ArrayView<AtomicCounters.Totals>(collection.Map("Stats"));
            using (BpfRuntime.Enter(new BpfRuntime()))
            {
                AtomicCounters.Stats.Clear();
                foreach (int length in lengths)
                {
                    TestRunResult run = collection.Program("Count").TestRun(new byte[length]);
                    XdpAction clrVerdict = AtomicCounters.Count(new XdpContext(new byte[length]));
                    Assert.Equal((uint)clrVerdict, run.ReturnValue);
                    Assert.Equal(AtomicCounters.Stats.Lookup(0)!.Value, kernelStats[0]);
                }
            }

            AtomicCounters.Totals totals = kernelStats[0];
            Assert.Equal((ulong)lengths.Length, totals.Packets);
            Assert.Equal(60UL + 150 + 42 + 1000 + 64, totals.Bytes);
            Assert.Equal((3u, 2u), (totals.Small, totals.Large));
            Assert.Equal(64UL, totals.Last);
        }
    }
}

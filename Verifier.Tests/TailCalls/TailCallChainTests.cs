using System;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Loader.Loading;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Programs;
using Ebpf.Loader.Sys;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.TailCalls
{
    /// <summary>The seed (tail-calls-per-cpu-context): three programs share a per-CPU context through tail calls.</summary>
    public sealed class TailCallChainTests : KernelTest
    {
        private const uint Allow = 1;
        private const uint Deny = 0;
        private const uint XdpAborted = 0;
        private const uint XdpDrop = 1;
        private const uint XdpPass = 2;

        [Fact]
        public void The_egress_chain_allows_and_the_running_cpu_holds_11_and_22()
        {
            using LoadedCollection chain = Collection.Load(TailCallChain.Egress());

            (uint verdict, TailContext[] perCpu, int cpu) = RunOnOneCpu(chain, "egress1");

            Assert.Equal(Allow, verdict);
            Assert.Equal(new TailContext { ValueFrom1 = 11, ValueFrom2 = 22 }, perCpu[cpu]);
            Assert.All(perCpu.Where((_, i) => i != cpu), other => Assert.Equal(default, other));
        }

        [Fact]
        public void The_xdp_twin_passes_only_when_both_stages_ran()
        {
            using LoadedCollection chain = Collection.Load(TailCallChain.Xdp());

            (uint verdict, TailContext[] perCpu, int cpu) = RunOnOneCpu(chain, "xdp_stage1");
            (uint lastStageAlone, _, _) = RunOnOneCpu(chain, "xdp_stage3");

            Assert.Equal(XdpPass, verdict);
            Assert.Equal(new TailContext { ValueFrom1 = 11, ValueFrom2 = 22 }, perCpu[cpu]);
            Assert.Equal(XdpDrop, lastStageAlone);
            Assert.Equal(AttachType.Xdp, chain.Program("xdp_stage1").ExpectedAttachType);
        }

        [Fact]
        public void An_empty_slot_makes_the_chain_fall_through_to_the_fallback_verdict()
        {
            using LoadedCollection egress = Collection.Load(TailCallChain.Egress());
            using LoadedCollection xdp = Collection.Load(TailCallChain.Xdp());

            Assert.True(new ProgramArrayView(egress.Map("tail_programs")).Clear(1));
            Assert.True(new ProgramArrayView(xdp.Map("tail_programs")).Clear(1));
            (uint egressVerdict, TailContext[] egressContext, int egressCpu) = RunOnOneCpu(egress, "egress1");
            (uint xdpVerdict, TailContext[] xdpContext, int xdpCpu) = RunOnOneCpu(xdp, "xdp_stage1");

            Assert.Equal(Deny, egressVerdict);
            Assert.Equal(XdpAborted, xdpVerdict);
            Assert.Equal(new TailContext { ValueFrom1 = 11, ValueFrom2 = 22 }, egressContext[egressCpu]); // stage 2 ran, stage 3 did not
            Assert.Equal(new TailContext { ValueFrom1 = 11, ValueFrom2 = 22 }, xdpContext[xdpCpu]);
        }

        [Fact]
        public void The_program_array_holds_the_loaded_programs_in_their_slots()
        {
            using LoadedCollection chain = Collection.Load(TailCallChain.Egress(programArraySize: 4));
            var slots = new ProgramArrayView(chain.Map("tail_programs"));

            Assert.Equal(chain.Program("egress2").Id, slots.ProgramId(0));
            Assert.Equal(chain.Program("egress3").Id, slots.ProgramId(1));
            Assert.Null(slots.ProgramId(2));
            Assert.Equal(AttachType.CgroupInetEgress, chain.Program("egress1").ExpectedAttachType);
        }

        [Fact]
        public void Closing_the_last_user_reference_to_the_program_array_empties_it()
        {
            BpfProgram entry;
            using (LoadedCollection chain = Collection.Load(TailCallChain.Xdp()))
            {
                entry = BpfProgram.Adopt(chain.Program("xdp_stage1").Fd.Duplicate());
                Assert.Equal(XdpPass, entry.TestRun(Packets.Ipv4Udp()).ReturnValue);
            }

            using (entry)
            {
                // the program still holds the array, but no user space fd or pin does: the kernel clears it (deferred)
                Assert.Equal(XdpAborted, VerdictAfterSettling(entry, XdpAborted));
            }
        }

        [Fact]
        public void A_pinned_program_array_keeps_its_slots_after_the_loader_closes()
        {
            using var pins = new PinDirectory();
            CollectionImage image = TailCallChain.Xdp();
            image = image with { Maps = image.Maps.Select(m => m.Type == MapType.ProgramArray ? m with { Pinning = MapPinning.ByName } : m).ToArray() };
            BpfProgram entry;
            using (LoadedCollection chain = Collection.Load(image, new LoadOptions { PinDirectory = pins.Path }))
            {
                entry = BpfProgram.Adopt(chain.Program("xdp_stage1").Fd.Duplicate());
            }

            using (entry)
            {
                Assert.Equal(XdpPass, VerdictAfterSettling(entry, XdpAborted));
            }
        }

        [Fact]
        public void The_seeds_one_entry_program_array_is_refused_before_the_kernel_sees_it()
        {
            CollectionException error = Assert.Throws<CollectionException>(() => Collection.Load(TailCallChain.Egress(programArraySize: 1)));

            Assert.Contains("PROG_ARRAY 'tail_programs' has max_entries 1 but program 'egress3' is given slot 1", error.Message);
        }

        [Fact]
        public void The_seeds_null_check_of_ctx_is_rejected_by_the_verifier_at_the_store()
        {
            ProgramImage seed = AsmPrograms.FromResource("seed_egress1", ProgramType.CgroupSkb, AttachType.CgroupInetEgress);
            var image = new CollectionImage(new[] { new MapDefinition("tail_context_map", MapType.PerCpuArray, 4, 2, 1) }, new[] { seed });

            VerifierException error = Assert.Throws<VerifierException>(() => Collection.Load(image));

            Assert.Contains("map_value_or_null", error.Summary);
            Assert.Equal(14, error.Location?.Line);
            Assert.Contains("seed_egress1.s:14", error.Message);
        }

        /// <summary>Runs <paramref name="program"/> until it answers <paramref name="awaited"/> or a second passes; returns the last verdict.</summary>
        private static uint VerdictAfterSettling(BpfProgram program, uint awaited)
        {
            DateTime deadline = DateTime.UtcNow.AddSeconds(1);
            uint verdict;
            while ((verdict = program.TestRun(Packets.Ipv4Udp()).ReturnValue) != awaited && DateTime.UtcNow < deadline)
            {
                System.Threading.Thread.Sleep(10);
            }

            return verdict;
        }

        /// <summary>Zeroes the context on every CPU, runs <paramref name="entry"/> pinned to the last CPU, reads the context back.</summary>
        private static (uint Verdict, TailContext[] PerCpu, int Cpu) RunOnOneCpu(LoadedCollection chain, string entry)
        {
            var context = new PerCpuArrayView<TailContext>(chain.Map("tail_context_map"));
            context.Set(0, new TailContext[context.CpuCount]);
            int cpu = Environment.ProcessorCount - 1;
            uint verdict;
            using (new CpuAffinity(cpu))
            {
                verdict = chain.Program(entry).TestRun(Packets.Ipv4Udp()).ReturnValue;
            }

            return (verdict, context.Get(0), cpu);
        }
    }
}

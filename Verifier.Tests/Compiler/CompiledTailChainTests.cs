using System;
using System.Reflection;
using Ebpf.Asm;
using Ebpf.Dsl;
using Ebpf.Loader.Loading;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Sys;
using Ebpf.Programs.TailChain;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Compiler
{
    /// <summary>
    /// The shipped tail-call chains (Programs/TailChain) compiled in-test by the front end pass the kernel's verifier, and
    /// the kernel's verdicts and per-CPU context equal the CLR run of the same C# (the Ebpf.Programs types, run on the
    /// Dsl's managed implementation).
    /// </summary>
    public sealed class CompiledTailChainTests : KernelTest
    {
        [Fact]
        public void The_compiled_egress_chain_gives_the_kernel_the_clr_verdict_and_context()
        {
            using LoadedCollection chain = Collection.Load(CompiledPrograms.CompileShipped("EgressChain", "TailChain", "TailContext.cs", "EgressChain.cs"));
            (uint kernelVerdict, TailContext kernelContext) = RunInKernel(chain, "Egress1");
            (CgroupSkbVerdict clrVerdict, TailContext clrContext) = RunOnClr(() => EgressChain.Egress1(new SkBuffContext(Packets.Ipv4Udp())), SharedContext(typeof(EgressChain)));

            Assert.Equal(CgroupSkbVerdict.Allow, clrVerdict);
            Assert.Equal((uint)clrVerdict, kernelVerdict);
            Assert.Equal((11, 22), (clrContext.ValueFrom1, clrContext.ValueFrom2));
            Assert.Equal(clrContext, kernelContext);
        }

        [Fact]
        public void The_compiled_xdp_twin_passes_in_both_and_its_last_stage_alone_drops()
        {
            using LoadedCollection chain = Collection.Load(CompiledPrograms.CompileShipped("XdpChain", "TailChain", "TailContext.cs", "XdpChain.cs"));
            (uint kernelVerdict, TailContext kernelContext) = RunInKernel(chain, "Xdp1");
            (XdpAction clrVerdict, TailContext clrContext) = RunOnClr(() => XdpChain.Xdp1(new XdpContext(Packets.Ipv4Udp())), SharedContext(typeof(XdpChain)));
            (uint kernelAlone, _) = RunInKernel(chain, "Xdp3");
            (XdpAction clrAlone, _) = RunOnClr(() => XdpChain.Xdp3(new XdpContext(Packets.Ipv4Udp())), SharedContext(typeof(XdpChain)));

            Assert.Equal(XdpAction.Pass, clrVerdict);
            Assert.Equal((uint)clrVerdict, kernelVerdict);
            Assert.Equal(clrContext, kernelContext);
            Assert.Equal(XdpAction.Drop, clrAlone);
            Assert.Equal((uint)clrAlone, kernelAlone);
            Assert.Equal(AttachType.Xdp, chain.Program("Xdp1").ExpectedAttachType);
        }

        /// <summary>The chain's per-CPU context map (Programs/TailChain declares it private, as a program author would).</summary>
        private static Ebpf.Dsl.Maps.PerCpuArrayMap<TailContext> SharedContext(Type chain) =>
            (Ebpf.Dsl.Maps.PerCpuArrayMap<TailContext>)chain.GetField("TailContextMap", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

        /// <summary>Zeroes the context on every CPU, runs the entry pinned to the last CPU, returns its verdict and that CPU's context.</summary>
        private static (uint Verdict, TailContext Context) RunInKernel(LoadedCollection chain, string entry)
        {
            var context = new PerCpuArrayView<TailContext>(chain.Map("TailContextMap"));
            context.Set(0, new TailContext[context.CpuCount]);
            int cpu = Environment.ProcessorCount - 1;
            uint verdict;
            using (new CpuAffinity(cpu))
            {
                verdict = chain.Program(entry).TestRun(Packets.Ipv4Udp()).ReturnValue;
            }

            return (verdict, context.Get(0)[cpu]);
        }

        /// <summary>Runs the same C# on the CLR on a simulated machine with the same CPU count, on the same CPU.</summary>
        private static (TVerdict Verdict, TailContext Context) RunOnClr<TVerdict>(Func<TVerdict> run, Ebpf.Dsl.Maps.PerCpuArrayMap<TailContext> shared)
        {
            var runtime = new BpfRuntime(possibleCpus: Environment.ProcessorCount);
            using (BpfRuntime.Enter(runtime))
            {
                runtime.CurrentCpu = (uint)(Environment.ProcessorCount - 1);
                shared.Clear();
                TVerdict verdict = run();
                return (verdict, shared.ReadAllCpus(0)[runtime.CurrentCpu]);
            }
        }
    }
}

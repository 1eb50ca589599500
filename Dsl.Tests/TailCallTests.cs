using System;
using System.Linq;
using System.Reflection;
using Ebpf.Dsl.Maps;
using Ebpf.Dsl.Tests.TailCalls;
using Ebpf.Programs.TailChain;
using Xunit;

namespace Ebpf.Dsl.Tests
{
    public class TailCallTests
    {
        private static readonly byte[] Frame = new byte[64];

        [Fact]
        public void ChainSharesPerCpuContextAndReturnsTheLastVerdict()
        {
            var runtime = new BpfRuntime(possibleCpus: 2);
            using var scope = BpfRuntime.Enter(runtime);
            runtime.CurrentCpu = 1;

            var verdict = EgressChain.Egress1(new SkBuffContext(Frame));

            Assert.Equal(CgroupSkbVerdict.Allow, verdict);
            Assert.Equal("[egress3] first=11 second=22", runtime.TraceLog.Single());
            Assert.Equal(0, ChainMap<PerCpuArrayMap<TailContext>>("TailContextMap").LookupOnCpu(0, 0)!.Value.ValueFrom1);
            Assert.Equal(22, ChainMap<PerCpuArrayMap<TailContext>>("TailContextMap").LookupOnCpu(0, 1)!.Value.ValueFrom2);

            ChainMap<ProgramArrayMap<SkBuffContext, CgroupSkbVerdict>>("TailPrograms").Clear(EgressChain.Egress3);
            Assert.Equal(CgroupSkbVerdict.Drop, EgressChain.Egress1(new SkBuffContext(Frame)));
            Assert.Single(runtime.TraceLog);
        }

        /// <summary>A map of the shipped chain (Programs/TailChain declares them private, as a program author would).</summary>
        private static TMap ChainMap<TMap>(string field) =>
            (TMap)typeof(EgressChain).GetField(field, BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

        [Fact]
        public void ThirtyThreeTailCallsThenFallThrough()
        {
            SelfLoop.Runs.Clear();
            var verdict = SelfLoop.Loop(new XdpContext(Frame));

            Assert.Equal(XdpAction.Pass, verdict);
            Assert.Equal(1u + ProgramArrayMap<XdpContext, XdpAction>.MaxTailCalls, SelfLoop.Runs.Lookup(0)!.Value);
        }

        [Fact]
        public void MoreTargetsThanSlotsIsRejected()
        {
            Assert.Throws<InvalidOperationException>(() => TwoTargetsOneSlot.First(new XdpContext(Frame)));
        }

        [Fact]
        public void IndexedSlotsFallThroughWhenEmptyOrOutOfRange()
        {
            var slots = new ProgramArrayMap<XdpContext, XdpAction>(maxEntries: 4);
            slots.Set(2, _ => XdpAction.Drop);
            var ctx = new XdpContext(Frame);

            Assert.Null(slots.TailCall(ctx, 0));
            Assert.Null(slots.TailCall(ctx, 4));
            Assert.Equal(XdpAction.Drop, slots.TailCall(ctx, 2));
            slots.Clear(2);
            Assert.Null(slots.TailCall(ctx, 2));
        }

        [Fact]
        public void EmptySlotAttemptsDoNotCountTowardsTheLimit()
        {
            var slots = new ProgramArrayMap<XdpContext, XdpAction>(maxEntries: 2);
            slots.Set(1, _ => XdpAction.Tx);
            var ctx = new XdpContext(Frame);
            for (int i = 0; i < 2 * ProgramArrayMap<XdpContext, XdpAction>.MaxTailCalls; i++)
            {
                Assert.Null(slots.TailCall(ctx, 0));
            }

            Assert.Equal(XdpAction.Tx, slots.TailCall(ctx, 1));
        }
    }
}

using Ebpf.Dsl.Maps;
using Ebpf.Dsl.Tests.TailCalls;
using Xunit;

namespace Ebpf.Dsl.Tests
{
    /// <summary>
    /// The managed implementation against results recorded from kernel 6.18 (KernelProbes/*.bpf.c, run with
    /// <c>bpftool prog run</c> on a 60-byte XDP frame). Each assertion is one probe key.
    /// </summary>
    public class KernelObservationTests
    {
        private struct TwoWords
        {
            public uint First;
            public uint Second;
        }

        [Fact]
        public void CsumDiffMatchesTheKernel()
        {
            var a = new TwoWords { First = 0x12345678, Second = 0x9abcdef0 };
            var b = new TwoWords { First = 0xffffffff, Second = 0xffff0000 };
            Assert.Equal(57945, Bpf.CsumDiff(a, 0));
            Assert.Equal(65535, Bpf.CsumDiff(b, 0));
            Assert.Equal(7590, Bpf.CsumDiff(a, b, 0));
            Assert.Equal(57945, Bpf.CsumDiff(a, 0xffffffff));
        }

        [Fact]
        public void XdpAdjustLimitsMatchTheKernel()
        {
            var ctx = new XdpContext(new byte[60]);
            Assert.Equal(-Errno.EINVAL, ctx.AdjustMeta(-252));
            Assert.Equal(-Errno.EINVAL, ctx.AdjustMeta(252));
            Assert.Equal(-Errno.EINVAL, ctx.AdjustMeta(-256));
            Assert.Equal(-Errno.EACCES, ctx.AdjustMeta(-2));
            Assert.Equal(0, ctx.Metadata.Length);

            int down = 0;
            while (ctx.AdjustHead(-1) == 0)
            {
                down++;
            }

            Assert.Equal(216, down);
            Assert.Equal(0, ctx.AdjustHead(down));

            int up = 0;
            while (ctx.AdjustTail(1) == 0)
            {
                up++;
            }

            Assert.Equal(3460, up);
            Assert.Equal(3520, ctx.Packet.Length);

            var fresh = new XdpContext(new byte[60]);
            Assert.Equal(0, fresh.AdjustMeta(-36));
            Assert.Equal(0, fresh.AdjustMeta(36));
            Assert.Equal(0, fresh.AdjustMeta(-216));
            Assert.Equal(0, fresh.AdjustMeta(216));
        }

        [Fact]
        public void MapErrorsMatchTheKernel()
        {
            var trie = new LpmTrieMap<uint, uint>(maxEntries: 1);
            var k1 = new LpmKey<uint>(8, 0x0a);
            var k2 = new LpmKey<uint>(8, 0x0b);
            Assert.Equal(0, trie.Update(k1, 1));
            Assert.Equal(-Errno.ENOSPC, trie.Update(k2, 1));
            Assert.Equal(0, trie.Update(k1, 1));
            Assert.Equal(-Errno.EEXIST, trie.Update(k1, 1, UpdateFlags.NoExist));
            Assert.Equal(-Errno.ENOENT, trie.Update(k2, 1, UpdateFlags.Exist));
            Assert.Equal(-Errno.EINVAL, trie.Update(new LpmKey<uint>(33, 0), 1));

            var hash = new HashMap<uint, uint>(maxEntries: 1);
            Assert.Equal(0, hash.Update(1, 1));
            Assert.Equal(-Errno.E2BIG, hash.Update(2, 1));
            Assert.Equal(0, hash.Update(1, 1));
            Assert.Equal(-Errno.EINVAL, hash.Update(1, 1, (UpdateFlags)3));

            var array = new ArrayMap<uint>(maxEntries: 2);
            Assert.Equal(-Errno.E2BIG, array.Update(2, 1, UpdateFlags.NoExist));
            Assert.Equal(-Errno.EEXIST, array.Update(0, 1, UpdateFlags.NoExist));
            Assert.Equal(-Errno.EINVAL, array.Delete(0));
            Assert.Equal(-Errno.ENOENT, hash.Delete(2));
            Assert.Equal(-Errno.ENOENT, trie.Delete(k2));
        }

        [Fact]
        public void RingBufferCapacityMatchesTheKernel()
        {
            var small = new RingBufferMap(sizeBytes: 4096);
            int count = 0;
            while (small.Output((byte)1) == 0)
            {
                count++;
            }

            Assert.Equal(255, count);

            var large = new RingBufferMap(sizeBytes: 4096);
            count = 0;
            while (large.Output((1UL, 2UL)) == 0)
            {
                count++;
            }

            Assert.Equal(170, count);
            Assert.Equal(-Errno.EAGAIN, large.Output((1UL, 2UL)));
        }

        [Fact]
        public void TailCallLimitMatchesTheKernel()
        {
            ChainProbe.Runs.Clear();
            ChainProbe.Slots.Set(0, ChainProbe.Chain);

            Assert.Equal(XdpAction.Drop, ChainProbe.Chain(new XdpContext(new byte[60])));
            Assert.Equal(34, ChainProbe.Runs.Lookup(0)!.Value);
        }

        [Fact]
        public void RedirectLoadBytesAndTraceMatchTheKernel()
        {
            var runtime = new BpfRuntime(possibleCpus: 2);
            using var scope = BpfRuntime.Enter(runtime);
            runtime.CurrentCpu = 1;
            var ctx = new XdpContext(new byte[60]);
            var ports = new DeviceMap(maxEntries: 4);
            var perCpu = new PerCpuHashMap<uint, ulong>(maxEntries: 4);
            var buffer = new byte[4];

            Assert.Equal(XdpAction.Aborted, ctx.Redirect(3, 1));
            Assert.Equal(XdpAction.Redirect, ctx.Redirect(3, 0));
            Assert.Equal(XdpAction.Pass, ports.Redirect(0, XdpAction.Pass));
            Assert.Equal(XdpAction.Drop, ports.Redirect(9, XdpAction.Drop));
            Assert.Equal(XdpAction.Aborted, ports.Redirect(0, XdpAction.Redirect));
            Assert.Equal(-Errno.EINVAL, ctx.LoadBytes(57, buffer));
            Assert.Equal(0, ctx.LoadBytes(56, buffer));
            Assert.Equal(16, Bpf.TracePrintk("%d %u %x", -1, -1, 255));
            Assert.Equal("-1 4294967295 ff", runtime.TraceLog[0]);
            Assert.Equal(0, perCpu.Update(9, 99));
            Assert.Equal(1u, Bpf.GetSmpProcessorId());
            Assert.Equal(0UL, perCpu.LookupOnCpu(9, 0)!.Value);
            Assert.Equal(99UL, perCpu.LookupOnCpu(9, 1)!.Value);
        }
    }
}

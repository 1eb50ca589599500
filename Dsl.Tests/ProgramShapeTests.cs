using System;
using Ebpf.Dsl.Maps;
using Ebpf.Dsl.Packets;
using Ebpf.Dsl.Tests.Programs;
using Xunit;

namespace Ebpf.Dsl.Tests
{
    /// <summary>Programs shaped like the shipped ones, run on the CLR: the surface composes.</summary>
    public class ProgramShapeTests
    {
        [Fact]
        public void SamplerCopiesTheSnapIntoTheRing()
        {
            var frame = PacketBytes.Ipv4Udp();
            Assert.Equal(XdpAction.Pass, Sampler.Sample(new XdpContext(frame)));
            Assert.Equal(XdpAction.Pass, Sampler.Sample(new XdpContext(frame.AsSpan(0, 20))));

            var first = Sampler.Samples.TryConsume()!;
            Assert.Equal((uint)frame.Length, BitConverter.ToUInt32(first, 0));
            Assert.Equal((uint)SampleRecord.SnapLength, BitConverter.ToUInt32(first, 4));
            Assert.Equal(frame.AsSpan(0, SampleRecord.SnapLength).ToArray(), first.AsSpan(8, SampleRecord.SnapLength).ToArray());

            var second = Sampler.Samples.TryConsume()!;
            Assert.Equal(20u, BitConverter.ToUInt32(second, 4));
            Assert.Equal(new byte[SampleRecord.SnapLength - 20], second.AsSpan(8 + 20).ToArray());
            Assert.Null(Sampler.Samples.TryConsume());
        }

        [Fact]
        public void FilterDropsListedSourcesOptionsAndTheEvilBit()
        {
            var runtime = new BpfRuntime(possibleCpus: 1);
            using var scope = BpfRuntime.Enter(runtime);
            SourceFilter.DropSources.Clear();
            SourceFilter.Drops.Clear();

            Assert.Equal(XdpAction.Pass, SourceFilter.Filter(new XdpContext(PacketBytes.Ipv4Udp())));
            Assert.Equal(XdpAction.Drop, SourceFilter.Filter(new XdpContext(PacketBytes.EvilFirstFragmentTcpSyn())));
            Assert.Equal(XdpAction.Pass, SourceFilter.Filter(new XdpContext(PacketBytes.VlanIpv6Icmpv6())));
            var truncated = new byte[EthernetHeader.Size];
            truncated[12] = 0x08;
            Assert.Equal(XdpAction.Drop, SourceFilter.Filter(new XdpContext(truncated)));

            var prefix = new LpmKey<uint>(24, Net.ToNetwork32(0xc0a80000));
            Assert.Equal(0, SourceFilter.DropSources.Update(prefix, 0));
            Assert.Equal(XdpAction.Drop, SourceFilter.Filter(new XdpContext(PacketBytes.Ipv4Udp())));
            Assert.Equal(1UL, SourceFilter.DropSources.Lookup(new LpmKey<uint>(32, Net.ToNetwork32(0xc0a80001)))!.Value);
            Assert.Equal(2UL, SourceFilter.Drops.Lookup(0)!.Value);
        }
    }
}

using System;
using Ebpf.Dsl.Maps;

namespace Ebpf.Dsl.Tests.Programs
{
    /// <summary>A sampler-shaped XDP program: copies every packet's first bytes into a ring buffer and passes it.</summary>
    public static class Sampler
    {
        public static readonly RingBufferMap Samples = new(sizeBytes: 4096);

        [Xdp]
        public static XdpAction Sample(XdpContext ctx)
        {
            var record = Samples.Reserve<SampleRecord>();
            if (record is null)
            {
                return XdpAction.Pass;
            }

            int length = ctx.Packet.Length;
            int captured = Math.Min(length, SampleRecord.SnapLength);
            record.Value.PacketLength = (uint)length;
            record.Value.CapturedLength = (uint)captured;
            if (ctx.LoadBytes(0, ((Span<byte>)record.Value.Data)[..captured]) != 0)
            {
                record.Discard();
                return XdpAction.Pass;
            }

            record.Submit();
            return XdpAction.Pass;
        }
    }
}

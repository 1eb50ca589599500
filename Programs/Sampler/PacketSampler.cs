using System;
using Ebpf.Asm;
using Ebpf.Dsl;
using Ebpf.Dsl.Maps;

namespace Ebpf.Programs.Sampler
{
    /// <summary>
    /// The sampler slot program: copies one packet in <see cref="SamplerConfig.Every"/> (a deterministic per-CPU
    /// counter, so the first packet on each CPU after the counter is reset is sampled, then every N-th) up to the snap
    /// length, with a <see cref="SampleHeader"/>, into the ring buffer <c>sampler_ring</c>, and passes every packet on.
    /// </summary>
    /// <remarks>
    /// Kernel: BPF_PROG_TYPE_XDP (4.8), BPF_MAP_TYPE_RINGBUF with bpf_ringbuf_reserve/submit (5.8),
    /// bpf_ktime_get_ns (4.1). The maps are pinned by name, so each interface has its own configuration and ring.
    /// The captured bytes are one bpf_xdp_load_bytes (5.18) into the record, with the length the compiler bounds to
    /// 1..256 before the call; record bytes past the captured length are not written.
    /// </remarks>
    [License("GPL")]
    public static partial class PacketSampler
    {
        /// <summary>The largest snap length: the record's data area.</summary>
        public const int MaxSnapLength = 256;

        /// <summary>The smallest snap length (an Ethernet header).</summary>
        public const int MinSnapLength = 14;

        /// <summary>The ring's size in bytes (about 3,500 full records).</summary>
        public const int RingSize = 1 << 20;

        static readonly ArrayMap<SamplerConfig> sampler_config = new(maxEntries: 1, pinning: MapPinning.ByName);
        static readonly PerCpuArrayMap<SamplerCounters> sampler_stats = new(maxEntries: 1, pinning: MapPinning.ByName);
        static readonly RingBufferMap sampler_ring = new(sizeBytes: RingSize, pinning: MapPinning.ByName);

        /// <summary>Samples one packet in N into <c>sampler_ring</c>; always returns XDP_PASS.</summary>
        [XdpSlot(1)]
        public static XdpAction Sampler(XdpContext ctx)
        {
            var config = sampler_config.Lookup(0);
            if (config is null || config.Value.Every == 0)
            {
                return XdpAction.Pass;
            }

            var counters = sampler_stats.Lookup(0);
            if (counters is null)
            {
                return XdpAction.Pass;
            }

            ulong position = counters.Value.Position;
            ulong next = position + 1;
            if (next >= config.Value.Every)
            {
                next = 0;
            }

            counters.Value.Position = next;
            if (position != 0)
            {
                return XdpAction.Pass;
            }

            int snap = (int)Math.Min(config.Value.SnapLength == 0 ? MaxSnapLength : config.Value.SnapLength, MaxSnapLength);
            int captured = Math.Min(ctx.Packet.Length, Math.Max(snap, MinSnapLength));
            var record = sampler_ring.Reserve<SampleRecord>();
            if (record is null)
            {
                counters.Value.Lost++;
                return XdpAction.Pass;
            }

            record.Value.Header.Slot = config.Value.Slot;
            record.Value.Header.Verdict = (uint)XdpAction.Pass;
            record.Value.Header.Ifindex = ctx.IngressIfindex;
            record.Value.Header.PacketLength = (uint)ctx.Packet.Length;
            record.Value.Header.CapturedLength = (uint)captured;
            record.Value.Header.Reserved = 0;
            record.Value.Header.KtimeNs = Bpf.KtimeGetNs();
            ctx.LoadBytes(0, ref record.Value.Data, captured);
            record.Submit();
            counters.Value.Sampled++;
            return XdpAction.Pass;
        }
    }
}

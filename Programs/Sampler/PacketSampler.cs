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
    /// Captured bytes are copied as 8-byte words at constant record offsets; a frame whose end falls inside a word
    /// gets that word from one read ending at the captured length, shifted down (the verifier bounds every read).
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
            CopyQuarter(ctx, ref record.Value.Data.Q0, 0, captured);
            CopyQuarter(ctx, ref record.Value.Data.Q1, 64, captured);
            CopyQuarter(ctx, ref record.Value.Data.Q2, 128, captured);
            CopyQuarter(ctx, ref record.Value.Data.Q3, 192, captured);
            record.Submit();
            counters.Value.Sampled++;
            return XdpAction.Pass;
        }

        private static void CopyQuarter(XdpContext ctx, ref SnapWords words, int offset, int captured)
        {
            CopyWord(ctx, ref words.W0, offset, captured);
            CopyWord(ctx, ref words.W1, offset + 8, captured);
            CopyWord(ctx, ref words.W2, offset + 16, captured);
            CopyWord(ctx, ref words.W3, offset + 24, captured);
            CopyWord(ctx, ref words.W4, offset + 32, captured);
            CopyWord(ctx, ref words.W5, offset + 40, captured);
            CopyWord(ctx, ref words.W6, offset + 48, captured);
            CopyWord(ctx, ref words.W7, offset + 56, captured);
        }

        /// <summary>Copies frame bytes [offset, min(offset + 8, captured)) into the low bytes of <paramref name="word"/>.</summary>
        private static void CopyWord(XdpContext ctx, ref ulong word, int offset, int captured)
        {
            if (offset + 8 <= captured)
            {
                if (ctx.Packet.TryRead(offset, out ulong whole))
                {
                    word = whole;
                }
            }
            else if (offset < captured && captured >= 8)
            {
                // The last 8 captured bytes end at 'captured'; byte 'offset' sits (8 - (captured - offset)) bytes in.
                // The mask changes nothing (captured - 8 is 0..248) but gives the verifier a bound it keeps: the
                // compiler spills 'captured' as 32 bits, and the reload forgets its range.
                int tail = (captured - 8) & (MaxSnapLength - 1);
                if (ctx.Packet.TryRead(tail, out ulong last))
                {
                    word = last >> ((8 - (captured - offset)) * 8);
                }
            }
        }
    }
}

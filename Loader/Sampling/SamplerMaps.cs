using System;
using System.IO;
using Ebpf.Loader.Maps;
using Ebpf.Programs.Sampler;

namespace Ebpf.Loader.Sampling
{
    /// <summary>
    /// The three maps of a loaded <see cref="PacketSampler"/>: its configuration (<c>sampler_config</c>), its per-CPU
    /// counters (<c>sampler_stats</c>) and its ring (<c>sampler_ring</c>, mapped for reading).
    /// </summary>
    public sealed class SamplerMaps : IDisposable
    {
        /// <summary>The configuration map's name (and pin name).</summary>
        public const string ConfigMapName = "sampler_config";

        /// <summary>The per-CPU counters map's name.</summary>
        public const string StatsMapName = "sampler_stats";

        /// <summary>The ring buffer's name.</summary>
        public const string RingMapName = "sampler_ring";

        private readonly BpfMap[] owned;

        /// <summary>Wraps open maps; when <paramref name="ownsMaps"/> is set, <see cref="Dispose"/> closes them.</summary>
        public SamplerMaps(BpfMap config, BpfMap stats, BpfMap ring, bool ownsMaps)
        {
            Config = new ArrayView<SamplerConfig>(config ?? throw new ArgumentNullException(nameof(config)));
            Stats = new PerCpuArrayView<SamplerCounters>(stats ?? throw new ArgumentNullException(nameof(stats)));
            Ring = new RingBufferView(ring ?? throw new ArgumentNullException(nameof(ring)));
            owned = ownsMaps ? new[] { config, stats, ring } : Array.Empty<BpfMap>();
        }

        /// <summary><c>sampler_config</c>, entry 0.</summary>
        public ArrayView<SamplerConfig> Config { get; }

        /// <summary><c>sampler_stats</c>, entry 0 per CPU.</summary>
        public PerCpuArrayView<SamplerCounters> Stats { get; }

        /// <summary><c>sampler_ring</c>.</summary>
        public RingBufferView Ring { get; }

        /// <summary>Opens the maps pinned in <paramref name="directory"/> (an interface's root array directory).</summary>
        /// <exception cref="FileNotFoundException">A map is not pinned there.</exception>
        public static SamplerMaps OpenPinned(string directory)
        {
            return BpfMap.OpenPinned(directory, new[] { ConfigMapName, StatsMapName, RingMapName }, maps => new SamplerMaps(maps[0], maps[1], maps[2], ownsMaps: true));
        }

        /// <summary>The counters summed over CPUs (<see cref="SamplerCounters.Position"/> summed too, which means little).</summary>
        public SamplerCounters Totals()
        {
            var total = default(SamplerCounters);
            foreach (SamplerCounters cpu in Stats.Get(0))
            {
                total.Position += cpu.Position;
                total.Sampled += cpu.Sampled;
                total.Lost += cpu.Lost;
            }

            return total;
        }

        /// <summary>Sets every CPU's 1-in-N position to 0, so each CPU samples its next packet (keeps the other counters).</summary>
        public void ResetPositions()
        {
            SamplerCounters[] perCpu = Stats.Get(0);
            for (int cpu = 0; cpu < perCpu.Length; cpu++)
            {
                perCpu[cpu].Position = 0;
            }

            Stats.Set(0, perCpu);
        }

        /// <inheritdoc />
        public void Dispose()
        {
            Ring.Dispose();
            foreach (BpfMap map in owned)
            {
                map.Dispose();
            }
        }
    }
}

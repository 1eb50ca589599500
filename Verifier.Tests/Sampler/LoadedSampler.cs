using System;
using System.Collections.Generic;
using Ebpf.Loader.Loading;
using Ebpf.Loader.Sampling;
using Ebpf.Programs.Sampler;

namespace Ebpf.Verifier.Tests.Sampler
{
    /// <summary>The shipped sampler loaded on its own (as an [Xdp] program, pins in a test directory) for TEST_RUN.</summary>
    public sealed class LoadedSampler : IDisposable
    {
        private readonly LoadedCollection collection;

        private LoadedSampler(LoadedCollection collection)
        {
            this.collection = collection;
            Maps = new SamplerMaps(collection.Map(SamplerMaps.ConfigMapName), collection.Map(SamplerMaps.StatsMapName), collection.Map(SamplerMaps.RingMapName), ownsMaps: false);
        }

        /// <summary>The sampler's maps.</summary>
        public SamplerMaps Maps { get; }

        /// <summary>Loads <see cref="PacketSampler.Image"/> with its maps pinned in <paramref name="pinDirectory"/>.</summary>
        public static LoadedSampler Load(string pinDirectory)
        {
            LoadedCollection collection = Collection.Load(PacketSampler.Image, new LoadOptions { PinDirectory = pinDirectory });
            try
            {
                return new LoadedSampler(collection);
            }
            catch
            {
                collection.Dispose();
                throw;
            }
        }

        /// <summary>Runs the program <paramref name="repeat"/> times over <paramref name="frame"/> (one CPU); its verdict.</summary>
        public uint Run(byte[] frame, uint repeat) => collection.Program("Sampler").TestRun(frame, repeat).ReturnValue;

        /// <summary>Writes entry 0 of <c>sampler_config</c>.</summary>
        public void Configure(SamplerConfig config) => Maps.Config.Update(0, config);

        /// <summary>The records waiting in the ring (consumed).</summary>
        public IReadOnlyList<byte[]> Records() => Maps.Ring.ReadAvailable();

        /// <summary><c>sampler_stats</c> per CPU.</summary>
        public SamplerCounters[] Counters() => Maps.Stats.Get(0);

        /// <inheritdoc />
        public void Dispose()
        {
            Maps.Dispose();
            collection.Dispose();
        }
    }
}

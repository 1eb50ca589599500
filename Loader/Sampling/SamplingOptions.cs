using System;
using Ebpf.Programs.Sampler;

namespace Ebpf.Loader.Sampling
{
    /// <summary>What a <see cref="SamplingSession"/> asks of the sampler and when it stops.</summary>
    public sealed record SamplingOptions
    {
        /// <summary>Sample one packet in this many, per CPU (at least 1).</summary>
        public uint Every { get; init; } = 1;

        /// <summary>Bytes to keep of each packet (<see cref="PacketSampler.MinSnapLength"/>..<see cref="PacketSampler.MaxSnapLength"/>).</summary>
        public int SnapLength { get; init; } = PacketSampler.MaxSnapLength;

        /// <summary>The slot the sampler occupies (written into each record's header).</summary>
        public uint Slot { get; init; }

        /// <summary>Stop after writing this many packets; null: no limit.</summary>
        public long? Count { get; init; }

        /// <summary>Stop after this long; null: no limit.</summary>
        public TimeSpan? Duration { get; init; }

        /// <summary>Checks the ranges.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A value is out of range (the parameter name is the property's).</exception>
        public void Validate()
        {
            if (Every < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(Every), Every, "must be at least 1");
            }

            if (SnapLength < PacketSampler.MinSnapLength || SnapLength > PacketSampler.MaxSnapLength)
            {
                throw new ArgumentOutOfRangeException(nameof(SnapLength), SnapLength, $"must be {PacketSampler.MinSnapLength}..{PacketSampler.MaxSnapLength}");
            }

            if (Count is < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(Count), Count, "must be at least 1");
            }

            if (Duration is { } duration && duration <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(Duration), Duration, "must be positive");
            }
        }
    }
}

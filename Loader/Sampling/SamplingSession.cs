using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;
using Ebpf.Programs.Sampler;

namespace Ebpf.Loader.Sampling
{
    /// <summary>
    /// One run of <c>sample</c>: turns the sampler on with the options, reads its ring (mmap + epoll) into a
    /// <see cref="PcapWriter"/> until the count, the duration or cancellation, and turns it off again on every way out.
    /// </summary>
    public static class SamplingSession
    {
        private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

        /// <summary>Runs a session. The sampler is off (config all zero) when this returns or throws.</summary>
        /// <param name="maps">The sampler's maps.</param>
        /// <param name="options">Rate, snap length, slot and stop conditions.</param>
        /// <param name="writer">Where the packets go (its snap length must be at least <see cref="SamplingOptions.SnapLength"/>).</param>
        /// <param name="cancellation">Stops the session (a normal stop: the result says <see cref="SamplingStopReason.Cancelled"/>).</param>
        public static SamplingResult Run(SamplerMaps maps, SamplingOptions options, PcapWriter writer, CancellationToken cancellation)
        {
            ArgumentNullException.ThrowIfNull(maps);
            ArgumentNullException.ThrowIfNull(options);
            ArgumentNullException.ThrowIfNull(writer);
            options.Validate();
            if (writer.SnapLength < options.SnapLength)
            {
                throw new ArgumentException($"the writer's snap length {writer.SnapLength} is below the session's {options.SnapLength}", nameof(writer));
            }

            long realtimeOffset = KernelClock.RealtimeOffsetNs();
            long limit = options.Count ?? long.MaxValue;
            long written = 0;
            long dropped = 0;
            void Take(ReadOnlySpan<byte> record)
            {
                if (record.Length < SampleHeader.Size)
                {
                    return;
                }

                if (written >= limit)
                {
                    dropped++;
                    return;
                }

                SampleHeader header = MemoryMarshal.Read<SampleHeader>(record);
                int captured = (int)Math.Min(Math.Min(header.CapturedLength, (uint)(record.Length - SampleHeader.Size)), (uint)writer.SnapLength);
                writer.Write((long)header.KtimeNs + realtimeOffset, record.Slice(SampleHeader.Size, captured), (int)Math.Max(header.PacketLength, (uint)captured));
                written++;
            }

            maps.Config.Update(0, default);
            maps.Ring.Consume(_ => { }); // records of an earlier session that stopped without reading them
            maps.ResetPositions();
            SamplerCounters before = maps.Totals();
            var clock = Stopwatch.StartNew();
            SamplingStopReason reason;
            try
            {
                maps.Config.Update(0, new SamplerConfig { Every = options.Every, SnapLength = (uint)options.SnapLength, Slot = options.Slot });
                while (true)
                {
                    if (written >= limit)
                    {
                        reason = SamplingStopReason.Count;
                        break;
                    }

                    if (cancellation.IsCancellationRequested)
                    {
                        reason = SamplingStopReason.Cancelled;
                        break;
                    }

                    TimeSpan wait = PollInterval;
                    if (options.Duration is { } duration)
                    {
                        TimeSpan left = duration - clock.Elapsed;
                        if (left <= TimeSpan.Zero)
                        {
                            reason = SamplingStopReason.Duration;
                            break;
                        }

                        wait = left < wait ? left : wait;
                    }

                    if (maps.Ring.WaitForData(wait))
                    {
                        maps.Ring.Consume(Take);
                    }
                }
            }
            finally
            {
                maps.Config.Update(0, default);
            }

            maps.Ring.Consume(Take); // records submitted before the sampler saw "off"
            writer.Flush();
            ulong lost = maps.Totals().Lost - before.Lost;
            return new SamplingResult(written, lost, dropped, clock.Elapsed, reason);
        }
    }
}

using System;
using Ebpf.Loader.Sampling;
using Xunit;

namespace Ebpf.Verifier.Tests.Sampler
{
    /// <summary><see cref="KernelClock"/>: monotonic plus the measured offset is the wall clock.</summary>
    public sealed class KernelClockTests
    {
        [Fact]
        public void Monotonic_plus_the_realtime_offset_is_the_wall_clock_within_a_few_milliseconds()
        {
            // Best of five: on a loaded machine the thread can be preempted between two clock reads for longer than the
            // tolerance, but not five times in a row.
            long derivedError = long.MaxValue, realtimeError = long.MaxValue;
            for (int attempt = 0; attempt < 5; attempt++)
            {
                long offset = KernelClock.RealtimeOffsetNs();
                long wall = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
                long derived = KernelClock.MonotonicNs() + offset;
                derivedError = Math.Min(derivedError, Math.Abs(derived - wall));
                realtimeError = Math.Min(realtimeError, Math.Abs(KernelClock.RealtimeNs() - (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100));
            }

            Assert.InRange(derivedError, 0, 5_000_000);
            Assert.InRange(realtimeError, 0, 5_000_000);
            Assert.True(KernelClock.MonotonicNs() < KernelClock.RealtimeNs());
        }
    }
}

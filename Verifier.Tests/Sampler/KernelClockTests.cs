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
            long offset = KernelClock.RealtimeOffsetNs();
            long wall = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
            long derived = KernelClock.MonotonicNs() + offset;

            Assert.InRange(Math.Abs(derived - wall), 0, 5_000_000);
            Assert.InRange(Math.Abs(KernelClock.RealtimeNs() - wall), 0, 5_000_000);
            Assert.True(KernelClock.MonotonicNs() < KernelClock.RealtimeNs());
        }
    }
}

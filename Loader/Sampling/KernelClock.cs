using System;
using System.Runtime.InteropServices;
using Ebpf.Loader.Sys;

namespace Ebpf.Loader.Sampling
{
    /// <summary>
    /// The kernel's clocks as programs see them: <c>bpf_ktime_get_ns()</c> is CLOCK_MONOTONIC, so a wall-clock time is
    /// that plus the CLOCK_REALTIME − CLOCK_MONOTONIC offset measured here.
    /// </summary>
    public static class KernelClock
    {
        private const int ClockRealtime = LibCImports.ClockRealtime;
        private const int ClockMonotonic = 1;

        /// <summary>CLOCK_MONOTONIC in nanoseconds (the clock of <c>bpf_ktime_get_ns</c>).</summary>
        public static long MonotonicNs() => Read(ClockMonotonic);

        /// <summary>CLOCK_REALTIME in nanoseconds since the Unix epoch.</summary>
        public static long RealtimeNs() => Read(ClockRealtime);

        /// <summary>
        /// CLOCK_REALTIME − CLOCK_MONOTONIC in nanoseconds: realtime read between two monotonic reads, the tightest of a few
        /// tries kept (the offset moves only when the wall clock is set or slewed).
        /// </summary>
        public static long RealtimeOffsetNs()
        {
            long best = 0;
            long bestWindow = long.MaxValue;
            for (int attempt = 0; attempt < 5; attempt++)
            {
                long before = MonotonicNs();
                long real = RealtimeNs();
                long after = MonotonicNs();
                if (after - before < bestWindow)
                {
                    bestWindow = after - before;
                    best = real - (before + ((after - before) / 2));
                }
            }

            return best;
        }

        private static long Read(int clock)
        {
            if (LibCImports.ClockGetTime(clock, out LibCImports.KernelTimespec now) != 0)
            {
                throw new InvalidOperationException($"clock_gettime({clock}) failed: errno {Marshal.GetLastPInvokeError()}");
            }

            return now.TotalNanoseconds;
        }
    }
}

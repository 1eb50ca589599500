using System;

namespace Ebpf.Loader.Sys
{
    /// <summary>Converts CLOCK_BOOTTIME nanoseconds (how the kernel stamps load times) to wall-clock time.</summary>
    public static class BootClock
    {
        /// <summary>The wall-clock time of <paramref name="bootTimeNanoseconds"/> since boot.</summary>
        public static DateTimeOffset ToWallClock(ulong bootTimeNanoseconds)
        {
            LibCImports.ClockGetTime(LibCImports.ClockRealtime, out LibCImports.KernelTimespec realtime);
            LibCImports.ClockGetTime(LibCImports.ClockBoottime, out LibCImports.KernelTimespec boottime);
            long bootedAtUnixNs = realtime.TotalNanoseconds - boottime.TotalNanoseconds;
            long unixNs = bootedAtUnixNs + (long)bootTimeNanoseconds;
            return DateTimeOffset.FromUnixTimeMilliseconds(unixNs / 1_000_000).AddTicks(unixNs % 1_000_000 / 100);
        }
    }
}

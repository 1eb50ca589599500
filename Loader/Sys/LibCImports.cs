using System.Runtime.InteropServices;

namespace Ebpf.Loader.Sys
{
    /// <summary>The few libc functions Tmds.LibC 0.5 does not expose.</summary>
    internal static unsafe class LibCImports
    {
        /// <summary>CLOCK_REALTIME.</summary>
        public const int ClockRealtime = 0;

        /// <summary>CLOCK_BOOTTIME (the clock of bpf_prog_info.load_time).</summary>
        public const int ClockBoottime = 7;

        [DllImport("libc", SetLastError = true, EntryPoint = "mount")]
        public static extern int Mount(string source, string target, string fileSystemType, ulong flags, void* data);

        [DllImport("libc", SetLastError = true, EntryPoint = "if_nametoindex")]
        public static extern uint IfNameToIndex(string name);

        [DllImport("libc", SetLastError = true, EntryPoint = "clock_gettime")]
        public static extern int ClockGetTime(int clock, out KernelTimespec time);

        /// <summary>struct timespec on 64-bit Linux.</summary>
        [StructLayout(LayoutKind.Sequential)]
        public struct KernelTimespec
        {
            public long Seconds;
            public long Nanoseconds;

            public readonly long TotalNanoseconds => Seconds * 1_000_000_000L + Nanoseconds;
        }
    }
}

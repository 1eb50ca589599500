using System;
using System.Runtime.InteropServices;

namespace Ebpf.Loader.Sys
{
    /// <summary>Pins the calling OS thread to one CPU for the life of the object, then restores its mask.</summary>
    /// <remarks>BPF_PROG_TEST_RUN runs on the calling CPU, so per-CPU maps are read at that CPU's index. Linux
    /// <c>sched_setaffinity(2)</c> with a 64-bit mask: CPUs 0–63.</remarks>
    public sealed class CpuAffinity : IDisposable
    {
        private readonly ulong previous;

        /// <summary>Pins the calling thread to <paramref name="cpu"/> (0–63).</summary>
        public CpuAffinity(int cpu)
        {
            if (cpu < 0 || cpu > 63)
            {
                throw new ArgumentOutOfRangeException(nameof(cpu), cpu, "CPU must be in 0..63");
            }

            ulong mask = 0;
            if (GetAffinity(0, (nuint)sizeof(ulong), ref mask) != 0)
            {
                throw new InvalidOperationException("sched_getaffinity failed: errno " + Marshal.GetLastPInvokeError());
            }

            previous = mask;
            ulong wanted = 1UL << cpu;
            if (SetAffinity(0, (nuint)sizeof(ulong), ref wanted) != 0)
            {
                throw new InvalidOperationException($"sched_setaffinity(cpu {cpu}) failed: errno {Marshal.GetLastPInvokeError()}");
            }

            Cpu = cpu;
        }

        /// <summary>The CPU the thread runs on.</summary>
        public int Cpu { get; }

        /// <summary>Restores the previous mask.</summary>
        public void Dispose()
        {
            ulong mask = previous;
            SetAffinity(0, (nuint)sizeof(ulong), ref mask);
        }

        [DllImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
        private static extern int SetAffinity(int pid, nuint size, ref ulong mask);

        [DllImport("libc", EntryPoint = "sched_getaffinity", SetLastError = true)]
        private static extern int GetAffinity(int pid, nuint size, ref ulong mask);
    }
}

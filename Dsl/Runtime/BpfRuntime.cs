using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace Ebpf.Dsl
{
    /// <summary>
    /// The simulated machine a program runs on under the CLR: how many CPUs exist, which one runs the program, the
    /// monotonic clock, the random source and the trace log. Tests enter a runtime of their own with
    /// <see cref="Enter"/>; it flows with the async context, so parallel tests do not see each other's settings.
    /// </summary>
    [ManagedOnly]
    public sealed class BpfRuntime
    {
        private static readonly AsyncLocal<BpfRuntime?> s_current = new();
        private static readonly BpfRuntime s_default = new();
        private readonly List<string> _trace = new();
        private uint _currentCpu;

        /// <summary>Creates a runtime.</summary>
        /// <param name="possibleCpus">The number of possible CPUs (per-CPU maps hold one value for each).</param>
        /// <param name="seed">Seed of the random source behind <c>bpf_get_prandom_u32</c>.</param>
        public BpfRuntime(int possibleCpus = 2, int seed = 0)
        {
            if (possibleCpus < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(possibleCpus), "a machine has at least one CPU");
            }

            PossibleCpus = possibleCpus;
            Random = new Random(seed);
            Clock = static () => (ulong)((UInt128)(ulong)Stopwatch.GetTimestamp() * 1_000_000_000UL / (ulong)Stopwatch.Frequency);
        }

        /// <summary>The runtime of the current async flow (a default two-CPU runtime when none was entered).</summary>
        public static BpfRuntime Current => s_current.Value ?? s_default;

        /// <summary>The number of possible CPUs.</summary>
        public int PossibleCpus { get; }

        /// <summary>The CPU the program runs on (what <c>bpf_get_smp_processor_id</c> returns).</summary>
        public uint CurrentCpu
        {
            get => _currentCpu;
            set
            {
                if (value >= PossibleCpus)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), $"CPU {value} does not exist (possible CPUs: {PossibleCpus})");
                }

                _currentCpu = value;
            }
        }

        /// <summary>The monotonic clock in nanoseconds behind <c>bpf_ktime_get_ns</c>; tests may replace it.</summary>
        public Func<ulong> Clock { get; set; }

        /// <summary>The random source behind <c>bpf_get_prandom_u32</c>.</summary>
        public Random Random { get; set; }

        /// <summary>Lines written by <c>bpf_trace_printk</c>, oldest first (the kernel's trace_pipe).</summary>
        public IReadOnlyList<string> TraceLog
        {
            get
            {
                lock (_trace)
                {
                    return _trace.ToArray();
                }
            }
        }

        /// <summary>Makes <paramref name="runtime"/> current until the returned scope is disposed.</summary>
        /// <param name="runtime">The runtime to enter.</param>
        /// <returns>A scope that restores the previous runtime.</returns>
        public static IDisposable Enter(BpfRuntime runtime)
        {
            ArgumentNullException.ThrowIfNull(runtime);
            var previous = s_current.Value;
            s_current.Value = runtime;
            return new Scope(previous);
        }

        internal void AppendTrace(string line)
        {
            lock (_trace)
            {
                _trace.Add(line);
            }
        }

        private sealed class Scope : IDisposable
        {
            private readonly BpfRuntime? _previous;

            public Scope(BpfRuntime? previous)
            {
                _previous = previous;
            }

            public void Dispose() => s_current.Value = _previous;
        }
    }
}

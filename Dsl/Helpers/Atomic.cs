using System.Threading;

namespace Ebpf.Dsl
{
    /// <summary>
    /// Atomic read-modify-write on map values (and other memory the program may write), for counters shared by CPUs.
    /// These are instructions, not helper calls.
    /// </summary>
    /// <remarks>Kernel: BPF_STX | BPF_ATOMIC (formerly BPF_XADD): <c>lock *(u64 *)(r1 + 0) += r2</c>. Plain add since
    /// 3.18 (64-bit) / 4.x (32-bit); fetch, exchange and compare-exchange since 5.12 (-mcpu=v3).</remarks>
    public static class Atomic
    {
        /// <summary>Adds <paramref name="value"/> to <paramref name="location"/> atomically.</summary>
        /// <param name="location">The value to change, e.g. <c>ref counters.Value.Packets</c>.</param>
        /// <param name="value">The amount to add.</param>
        /// <remarks>Kernel: BPF_ATOMIC | BPF_DW, imm BPF_ADD.</remarks>
        public static void Add(ref ulong location, ulong value) => Interlocked.Add(ref location, value);

        /// <summary>Adds <paramref name="value"/> to <paramref name="location"/> atomically.</summary>
        /// <param name="location">The value to change.</param>
        /// <param name="value">The amount to add.</param>
        /// <remarks>Kernel: BPF_ATOMIC | BPF_W, imm BPF_ADD.</remarks>
        public static void Add(ref uint location, uint value) => Interlocked.Add(ref location, value);

        /// <summary>Adds <paramref name="value"/> to <paramref name="location"/> atomically and returns the old value.</summary>
        /// <param name="location">The value to change.</param>
        /// <param name="value">The amount to add.</param>
        /// <returns>The value before the addition.</returns>
        /// <remarks>Kernel: BPF_ATOMIC | BPF_DW, imm BPF_ADD | BPF_FETCH; since 5.12.</remarks>
        public static ulong FetchAdd(ref ulong location, ulong value) => Interlocked.Add(ref location, value) - value;

        /// <summary>Stores <paramref name="value"/> into <paramref name="location"/> and returns the old value.</summary>
        /// <param name="location">The value to change.</param>
        /// <param name="value">The new value.</param>
        /// <returns>The value before.</returns>
        /// <remarks>Kernel: BPF_ATOMIC | BPF_DW, imm BPF_XCHG; since 5.12.</remarks>
        public static ulong Exchange(ref ulong location, ulong value) => Interlocked.Exchange(ref location, value);

        /// <summary>Stores <paramref name="value"/> when <paramref name="location"/> equals <paramref name="comparand"/>.</summary>
        /// <param name="location">The value to change.</param>
        /// <param name="value">The new value.</param>
        /// <param name="comparand">The value expected.</param>
        /// <returns>The value before (equal to <paramref name="comparand"/> when the store happened).</returns>
        /// <remarks>Kernel: BPF_ATOMIC | BPF_DW, imm BPF_CMPXCHG (r0 holds the comparand); since 5.12.</remarks>
        public static ulong CompareExchange(ref ulong location, ulong value, ulong comparand)
            => Interlocked.CompareExchange(ref location, value, comparand);
    }
}

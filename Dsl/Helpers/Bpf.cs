using System;
using System.Runtime.InteropServices;
using Ebpf.Dsl.Packets;

namespace Ebpf.Dsl
{
    /// <summary>
    /// Kernel helper functions that any program type may call. Helpers bound to a context (adjust head/tail/meta,
    /// redirect, load bytes) are methods of <see cref="XdpContext"/> and <see cref="SkBuffContext"/>; map helpers are
    /// methods of the map types.
    /// </summary>
    public static class Bpf
    {
        /// <summary>Nanoseconds since boot, not counting suspend (CLOCK_MONOTONIC).</summary>
        /// <returns>The time in ns (under the CLR: <see cref="BpfRuntime.Clock"/>).</returns>
        /// <remarks>Kernel: <c>bpf_ktime_get_ns</c>, helper 5, since 4.1; all program types.</remarks>
        [HelperCall(5, "bpf_ktime_get_ns", "4.1")]
        public static ulong KtimeGetNs() => BpfRuntime.Current.Clock();

        /// <summary>The id of the CPU running the program.</summary>
        /// <returns>The CPU id (under the CLR: <see cref="BpfRuntime.CurrentCpu"/>).</returns>
        /// <remarks>Kernel: <c>bpf_get_smp_processor_id</c>, helper 8, since 4.1; all program types.</remarks>
        [HelperCall(8, "bpf_get_smp_processor_id", "4.1")]
        public static uint GetSmpProcessorId() => BpfRuntime.Current.CurrentCpu;

        /// <summary>A pseudo-random 32-bit number (not cryptographic).</summary>
        /// <returns>The number (under the CLR: from <see cref="BpfRuntime.Random"/>).</returns>
        /// <remarks>Kernel: <c>bpf_get_prandom_u32</c>, helper 7, since 4.1; all program types.</remarks>
        [HelperCall(7, "bpf_get_prandom_u32", "4.1")]
        public static uint GetPrandomU32() => (uint)BpfRuntime.Current.Random.NextInt64(0, 1L << 32);

        /// <summary>Writes a debug line to the kernel trace pipe (under the CLR: <see cref="BpfRuntime.TraceLog"/>).</summary>
        /// <param name="format">A string literal with at most 3 conversions out of %d %i %u %x %X (l / ll for 64 bits)
        /// and %%.</param>
        /// <returns>The number of bytes written.</returns>
        /// <remarks>Kernel: <c>bpf_trace_printk</c>, helper 6, since 4.1; GPL-only; for debugging, not production.</remarks>
        [HelperCall(6, "bpf_trace_printk", "4.1")]
        public static long TracePrintk(string format) => Trace(format, ReadOnlySpan<long>.Empty);

        /// <summary>Writes a debug line with one argument.</summary>
        /// <param name="format">A string literal (see <see cref="TracePrintk(string)"/>).</param>
        /// <param name="arg1">The first argument.</param>
        /// <returns>The number of bytes written.</returns>
        /// <remarks>Kernel: <c>bpf_trace_printk</c>, helper 6, since 4.1.</remarks>
        [HelperCall(6, "bpf_trace_printk", "4.1")]
        public static long TracePrintk(string format, long arg1) => Trace(format, [arg1]);

        /// <summary>Writes a debug line with two arguments.</summary>
        /// <param name="format">A string literal (see <see cref="TracePrintk(string)"/>).</param>
        /// <param name="arg1">The first argument.</param>
        /// <param name="arg2">The second argument.</param>
        /// <returns>The number of bytes written.</returns>
        /// <remarks>Kernel: <c>bpf_trace_printk</c>, helper 6, since 4.1.</remarks>
        [HelperCall(6, "bpf_trace_printk", "4.1")]
        public static long TracePrintk(string format, long arg1, long arg2) => Trace(format, [arg1, arg2]);

        /// <summary>Writes a debug line with three arguments.</summary>
        /// <param name="format">A string literal (see <see cref="TracePrintk(string)"/>).</param>
        /// <param name="arg1">The first argument.</param>
        /// <param name="arg2">The second argument.</param>
        /// <param name="arg3">The third argument.</param>
        /// <returns>The number of bytes written.</returns>
        /// <remarks>Kernel: <c>bpf_trace_printk</c>, helper 6, since 4.1.</remarks>
        [HelperCall(6, "bpf_trace_printk", "4.1")]
        public static long TracePrintk(string format, long arg1, long arg2, long arg3) => Trace(format, [arg1, arg2, arg3]);

        /// <summary>
        /// The one's-complement sum of <paramref name="to"/>'s bytes minus <paramref name="from"/>'s, plus
        /// <paramref name="seed"/>: the change a header rewrite makes to a checksum.
        /// </summary>
        /// <typeparam name="TFrom">The old data's type (size a multiple of 4).</typeparam>
        /// <typeparam name="TTo">The new data's type (size a multiple of 4).</typeparam>
        /// <param name="from">The old bytes.</param>
        /// <param name="to">The new bytes.</param>
        /// <param name="seed">A partial sum to continue from.</param>
        /// <returns>The sum folded to 16 bits (not complemented, memory order), or -EINVAL when a size is not a multiple
        /// of 4 or both exceed 512 bytes.</returns>
        /// <remarks>Kernel: <c>bpf_csum_diff</c>, helper 28, since 4.6; XDP, tc, lwt and others. Kernels before 6.13
        /// returned the unfolded 32-bit sum on x86; it folds (<see cref="Checksum.Fold"/>) to the same checksum.</remarks>
        [HelperCall(28, "bpf_csum_diff", "4.6")]
        public static long CsumDiff<TFrom, TTo>(in TFrom from, in TTo to, uint seed)
            where TFrom : unmanaged
            where TTo : unmanaged
        {
            return CsumDiff(
                MemoryMarshal.AsBytes(new ReadOnlySpan<TFrom>(in from)),
                MemoryMarshal.AsBytes(new ReadOnlySpan<TTo>(in to)),
                seed);
        }

        /// <summary>The one's-complement sum of <paramref name="to"/>'s bytes plus <paramref name="seed"/> (bpf_csum_diff
        /// with no "from" data: pushing data into a checksum).</summary>
        /// <typeparam name="TTo">The data's type (size a multiple of 4).</typeparam>
        /// <param name="to">The bytes to add.</param>
        /// <param name="seed">A partial sum to continue from.</param>
        /// <returns>The sum folded to 16 bits, or -EINVAL.</returns>
        /// <remarks>Kernel: <c>bpf_csum_diff(NULL, 0, to, sizeof(to), seed)</c>, helper 28, since 4.6.</remarks>
        [HelperCall(28, "bpf_csum_diff", "4.6")]
        public static long CsumDiff<TTo>(in TTo to, uint seed)
            where TTo : unmanaged
        {
            return CsumDiff(ReadOnlySpan<byte>.Empty, MemoryMarshal.AsBytes(new ReadOnlySpan<TTo>(in to)), seed);
        }

        private static long CsumDiff(ReadOnlySpan<byte> from, ReadOnlySpan<byte> to, uint seed)
        {
            const int scratchBytes = 512;
            if (((from.Length | to.Length) & 3) != 0 || from.Length + to.Length > scratchBytes)
            {
                return -Errno.EINVAL;
            }

            uint sum = Checksum.Partial(to, seed);
            if (!from.IsEmpty)
            {
                // The kernel adds nothing for empty "from" data; subtracting a zero sum would turn a 0 result into 0xffff.
                sum = Checksum.Subtract(sum, Checksum.Partial(from, 0));
            }
            return Checksum.FoldWithoutComplement(sum);
        }

        private static long Trace(string format, ReadOnlySpan<long> args)
        {
            string line = TraceFormat.Format(format, args);
            BpfRuntime.Current.AppendTrace(line);
            return line.Length;
        }
    }
}

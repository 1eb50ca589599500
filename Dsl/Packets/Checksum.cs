using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ebpf.Dsl.Packets
{
    /// <summary>
    /// The Internet checksum (RFC 1071) and its incremental update (RFC 1624), as the kernel computes them.
    /// </summary>
    /// <remarks>
    /// All values are in memory order, like the kernel's <c>__wsum</c> / <c>__sum16</c>: a 16-bit checksum returned here
    /// is stored into a header's raw checksum field as is, with no byte swap. A 32-bit "partial" sum is an unfolded
    /// one's-complement accumulator. Everything here lowers to plain ALU instructions except
    /// <see cref="Partial{T}"/>, which the compiler lowers to an unrolled sum (or <c>bpf_csum_diff</c>).
    /// </remarks>
    public static class Checksum
    {
        /// <summary>One's-complement addition of two partial sums (kernel <c>csum_add</c>).</summary>
        /// <param name="sum">A partial sum.</param>
        /// <param name="addend">Another partial sum.</param>
        /// <returns>The partial sum with the end-around carry added.</returns>
        public static uint Add(uint sum, uint addend)
        {
            uint result = unchecked(sum + addend);
            return unchecked(result + (result < addend ? 1u : 0u));
        }

        /// <summary>One's-complement subtraction (kernel <c>csum_sub</c>).</summary>
        /// <param name="sum">A partial sum.</param>
        /// <param name="subtrahend">The partial sum to take away.</param>
        /// <returns>The partial sum.</returns>
        public static uint Subtract(uint sum, uint subtrahend) => Add(sum, ~subtrahend);

        /// <summary>Folds a 32-bit partial sum to 16 bits and complements it: the value a checksum field holds
        /// (kernel <c>csum_fold</c>).</summary>
        /// <param name="sum">A partial sum.</param>
        /// <returns>The checksum, memory order.</returns>
        public static ushort Fold(uint sum)
        {
            sum = (sum & 0xffff) + (sum >> 16);
            sum = (sum & 0xffff) + (sum >> 16);
            return (ushort)~sum;
        }

        /// <summary>Folds a 32-bit partial sum to 16 bits without complementing (kernel <c>csum_from32to16</c>).</summary>
        /// <param name="sum">A partial sum.</param>
        /// <returns>The 16-bit one's-complement sum.</returns>
        public static ushort FoldWithoutComplement(uint sum) => (ushort)~Fold(sum);

        /// <summary>The partial sum of <paramref name="data"/>'s bytes plus <paramref name="seed"/>
        /// (kernel <c>csum_partial</c>).</summary>
        /// <typeparam name="T">A fixed-layout value, e.g. a header struct.</typeparam>
        /// <param name="data">The bytes to sum.</param>
        /// <param name="seed">A partial sum to continue from (0 to start).</param>
        /// <returns>The partial sum (fold it with <see cref="Fold"/>).</returns>
        public static uint Partial<T>(in T data, uint seed)
            where T : unmanaged
        {
            return Partial(MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in data)), seed);
        }

        /// <summary>The partial sum of <paramref name="bytes"/> plus <paramref name="seed"/>.</summary>
        /// <param name="bytes">The bytes to sum; an odd last byte is padded with zero.</param>
        /// <param name="seed">A partial sum to continue from (0 to start).</param>
        /// <returns>The partial sum.</returns>
        public static uint Partial(ReadOnlySpan<byte> bytes, uint seed)
        {
            ulong sum = seed;
            int i = 0;
            for (; i + 1 < bytes.Length; i += 2)
            {
                sum += Unsafe.ReadUnaligned<ushort>(ref Unsafe.AsRef(in bytes[i]));
            }

            if (i < bytes.Length)
            {
                sum += BitConverter.IsLittleEndian ? bytes[i] : (uint)bytes[i] << 8;
            }

            while (sum >> 32 != 0)
            {
                sum = (sum & 0xffffffff) + (sum >> 32);
            }

            return (uint)sum;
        }

        /// <summary>
        /// Updates checksum <paramref name="check"/> for a 16-bit field changing from <paramref name="from"/> to
        /// <paramref name="to"/>: RFC 1624 eqn. 3, <c>HC' = ~(~HC + ~m + m')</c> (kernel <c>csum_replace2</c>).
        /// </summary>
        /// <param name="check">The checksum field, memory order.</param>
        /// <param name="from">The old field value, memory order.</param>
        /// <param name="to">The new field value, memory order.</param>
        /// <returns>The new checksum, memory order.</returns>
        public static ushort Replace16(ushort check, ushort from, ushort to)
        {
            uint sum = Add(Add((ushort)~check, (ushort)~from), to);
            return Fold(sum);
        }

        /// <summary>Updates checksum <paramref name="check"/> for a 32-bit field (an IPv4 address) changing from
        /// <paramref name="from"/> to <paramref name="to"/> (kernel <c>csum_replace4</c>).</summary>
        /// <param name="check">The checksum field, memory order.</param>
        /// <param name="from">The old field value, memory order.</param>
        /// <param name="to">The new field value, memory order.</param>
        /// <returns>The new checksum, memory order.</returns>
        public static ushort Replace32(ushort check, uint from, uint to)
        {
            uint sum = Add(Add((ushort)~check, ~from), to);
            return Fold(sum);
        }
    }
}

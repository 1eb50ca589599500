using System;
using System.Runtime.CompilerServices;

namespace Ebpf.Dsl
{
    /// <summary>
    /// Direct access to packet bytes (XDP <c>data</c>..<c>data_end</c>, or the metadata area <c>data_meta</c>..<c>data</c>).
    /// Every access is bounds-checked in a way the verifier accepts: the compiler emits
    /// <c>if (data + offset + size &gt; data_end)</c> and the null/false path, so an author cannot forget it.
    /// </summary>
    /// <remarks>
    /// Offsets are relative to the region start. A variable offset must be provably bounded (e.g. masked or compared),
    /// which the compiler checks. Under the CLR the packet is a byte array with data_meta/data/data_end offsets.
    /// </remarks>
    public sealed class Packet
    {
        private readonly PacketFrame _frame;
        private readonly PacketRegion _region;

        internal Packet(PacketFrame frame, PacketRegion region)
        {
            _frame = frame;
            _region = region;
        }

        /// <summary>The region length in bytes: <c>data_end - data</c> (or <c>data - data_meta</c> for metadata).</summary>
        public int Length => End - Start;

        private int Start => _region == PacketRegion.Data ? _frame.Data : _frame.DataMeta;

        private int End => _region == PacketRegion.Data ? _frame.DataEnd : _frame.Data;

        /// <summary>
        /// A reference to the <typeparamref name="T"/> at <paramref name="offset"/>, or <see langword="null"/> when it
        /// does not lie wholly inside the region. Nullable flow analysis makes the caller check before use.
        /// </summary>
        /// <typeparam name="T">A fixed-layout value (header struct, integer).</typeparam>
        /// <param name="offset">Byte offset from the region start.</param>
        /// <returns>The reference, or null when out of bounds.</returns>
        public PacketRef<T>? At<T>(int offset)
            where T : unmanaged
        {
            return Fits(offset, Unsafe.SizeOf<T>()) ? new PacketRef<T>(_frame, Start + offset) : null;
        }

        /// <summary>Copies the <typeparamref name="T"/> at <paramref name="offset"/> out of the packet.</summary>
        /// <typeparam name="T">A fixed-layout value.</typeparam>
        /// <param name="offset">Byte offset from the region start.</param>
        /// <param name="value">The value read, or default when out of bounds.</param>
        /// <returns>False when the value does not lie wholly inside the region.</returns>
        public bool TryRead<T>(int offset, out T value)
            where T : unmanaged
        {
            if (!Fits(offset, Unsafe.SizeOf<T>()))
            {
                value = default;
                return false;
            }

            value = Unsafe.ReadUnaligned<T>(ref _frame.Buffer[Start + offset]);
            return true;
        }

        /// <summary>Copies <paramref name="value"/> into the packet at <paramref name="offset"/>.</summary>
        /// <typeparam name="T">A fixed-layout value.</typeparam>
        /// <param name="offset">Byte offset from the region start.</param>
        /// <param name="value">The value to write.</param>
        /// <returns>False (and nothing written) when it would not lie wholly inside the region.</returns>
        public bool TryWrite<T>(int offset, in T value)
            where T : unmanaged
        {
            if (!Fits(offset, Unsafe.SizeOf<T>()))
            {
                return false;
            }

            Unsafe.WriteUnaligned(ref _frame.Buffer[Start + offset], value);
            return true;
        }

        /// <summary>A copy of the region's bytes, for tests.</summary>
        /// <returns>The bytes from the region start to its end.</returns>
        [ManagedOnly]
        public byte[] ToArray() => _frame.Buffer.AsSpan(Start, Length).ToArray();

        private bool Fits(int offset, int size) => offset >= 0 && (long)Start + offset + size <= End;
    }
}

using System;

namespace Ebpf.Compiler.IR
{
    /// <summary>A value while interpreting: scalar bits, or a pointer as a region plus a byte offset.</summary>
    public readonly struct InterpreterValue : IEquatable<InterpreterValue>
    {
        /// <summary>Creates a value.</summary>
        public InterpreterValue(ulong bits, MemoryRegion? region = null)
        {
            Bits = bits;
            Region = region;
        }

        /// <summary>Scalar bits, or the offset into <see cref="Region"/>.</summary>
        public ulong Bits { get; }

        /// <summary>The memory a pointer points into; null for scalars and null pointers.</summary>
        public MemoryRegion? Region { get; }

        /// <summary>A scalar.</summary>
        public static InterpreterValue Scalar(long value) => new InterpreterValue(unchecked((ulong)value));

        /// <summary>A pointer to <paramref name="region"/> + <paramref name="offset"/>.</summary>
        public static InterpreterValue Pointer(MemoryRegion region, long offset = 0) => new InterpreterValue(unchecked((ulong)offset), region);

        /// <summary>A comparable address: regions sit far apart, null pointers and scalars at their bits.</summary>
        public ulong Address => Region is null ? Bits : unchecked(((ulong)Region.Id << 40) + Bits);

        /// <inheritdoc />
        public bool Equals(InterpreterValue other) => Bits == other.Bits && ReferenceEquals(Region, other.Region);

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is InterpreterValue other && Equals(other);

        /// <inheritdoc />
        public override int GetHashCode() => Bits.GetHashCode() ^ (Region?.Id ?? 0);

        /// <summary>Equal bits and region.</summary>
        public static bool operator ==(InterpreterValue left, InterpreterValue right) => left.Equals(right);

        /// <summary>Different bits or region.</summary>
        public static bool operator !=(InterpreterValue left, InterpreterValue right) => !left.Equals(right);

        /// <inheritdoc />
        public override string ToString() => Region is null ? "0x" + Bits.ToString("x") : Region.Name + "+" + Bits;
    }
}

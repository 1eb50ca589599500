using System;

namespace Ebpf.Compiler.IR
{
    /// <summary>A constant scalar; its bits are kept zero-extended from the type's width.</summary>
    public sealed class IrConstant : IrValue, IEquatable<IrConstant>
    {
        /// <summary>Creates a constant; <paramref name="value"/> is truncated to the type's width.</summary>
        public IrConstant(IrType type, long value)
            : base(type)
        {
            if (type.IsPointer)
            {
                throw new ArgumentException("constants are scalars (a null pointer is the scalar 0)", nameof(type));
            }

            Bits = (ulong)value & type.Mask;
        }

        /// <summary>The value's bits, zero-extended to 64.</summary>
        public ulong Bits { get; }

        /// <summary>The value read as unsigned.</summary>
        public long Unsigned => unchecked((long)Bits);

        /// <summary>The value read as signed (sign-extended from the type's width).</summary>
        public long Signed => SignExtend(Bits, Type.Width);

        /// <summary>Sign-extends the low <paramref name="width"/> bits of <paramref name="bits"/>.</summary>
        public static long SignExtend(ulong bits, int width) =>
            width == 64 ? unchecked((long)bits) : unchecked((long)(bits << (64 - width)) >> (64 - width));

        /// <inheritdoc />
        public bool Equals(IrConstant? other) => other is not null && other.Type == Type && other.Bits == Bits;

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as IrConstant);

        /// <inheritdoc />
        public override int GetHashCode() => Type.GetHashCode() ^ Bits.GetHashCode();

        /// <summary>Signed decimal, as printed in IR text.</summary>
        public override string ToString() => Signed.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

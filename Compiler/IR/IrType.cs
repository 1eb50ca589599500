using System;

namespace Ebpf.Compiler.IR
{
    /// <summary>
    /// The type of an IR value: a scalar of 8, 16, 32 or 64 bits, or a 64-bit pointer of a <see cref="PointerKind"/>.
    /// Signedness is not part of the type; operations that care (division, remainder, right shift, compares,
    /// extension) say which they mean.
    /// </summary>
    public readonly struct IrType : IEquatable<IrType>
    {
        private IrType(int width, PointerKind pointer)
        {
            Width = width;
            Pointer = pointer;
        }

        /// <summary>8-bit scalar.</summary>
        public static IrType I8 => new IrType(8, PointerKind.None);

        /// <summary>16-bit scalar.</summary>
        public static IrType I16 => new IrType(16, PointerKind.None);

        /// <summary>32-bit scalar.</summary>
        public static IrType I32 => new IrType(32, PointerKind.None);

        /// <summary>64-bit scalar.</summary>
        public static IrType I64 => new IrType(64, PointerKind.None);

        /// <summary>Width in bits: 8, 16, 32 or 64 (64 for every pointer).</summary>
        public int Width { get; }

        /// <summary>The pointer kind, or <see cref="PointerKind.None"/> for a scalar.</summary>
        public PointerKind Pointer { get; }

        /// <summary>True for pointers.</summary>
        public bool IsPointer => Pointer != PointerKind.None;

        /// <summary>True for scalars.</summary>
        public bool IsScalar => Pointer == PointerKind.None;

        /// <summary>Size in bytes.</summary>
        public int Size => Width / 8;

        /// <summary>All ones in the low <see cref="Width"/> bits.</summary>
        public ulong Mask => Width == 64 ? ulong.MaxValue : (1UL << Width) - 1;

        /// <summary>A scalar of the given width.</summary>
        public static IrType Scalar(int width)
        {
            if (width != 8 && width != 16 && width != 32 && width != 64)
            {
                throw new ArgumentOutOfRangeException(nameof(width), width, "width must be 8, 16, 32 or 64");
            }

            return new IrType(width, PointerKind.None);
        }

        /// <summary>A pointer of the given kind.</summary>
        public static IrType PointerTo(PointerKind kind) =>
            kind == PointerKind.None ? I64 : new IrType(64, kind);

        /// <summary>Stable text: <c>i8 i16 i32 i64</c>, or <c>ptr.ctx</c>, <c>ptr.stack</c>, <c>ptr.pkt</c>, ….</summary>
        public override string ToString()
        {
            switch (Pointer)
            {
                case PointerKind.None: return "i" + Width;
                case PointerKind.Context: return "ptr.ctx";
                case PointerKind.Stack: return "ptr.stack";
                case PointerKind.Packet: return "ptr.pkt";
                case PointerKind.PacketEnd: return "ptr.pkt_end";
                case PointerKind.MapValue: return "ptr.map_value";
                case PointerKind.MapValueOrNull: return "ptr.map_value_or_null";
                default: return "ptr.map";
            }
        }

        /// <inheritdoc />
        public bool Equals(IrType other) => Width == other.Width && Pointer == other.Pointer;

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is IrType other && Equals(other);

        /// <inheritdoc />
        public override int GetHashCode() => Width * 16 + (int)Pointer;

        /// <summary>Same width and pointer kind.</summary>
        public static bool operator ==(IrType left, IrType right) => left.Equals(right);

        /// <summary>Different width or pointer kind.</summary>
        public static bool operator !=(IrType left, IrType right) => !left.Equals(right);
    }
}

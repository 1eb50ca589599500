using Ebpf.Compiler.IR;
using Microsoft.CodeAnalysis;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>A lowered C# expression: an IR value, a place in memory, or a DSL object the lowering tracks by kind.</summary>
    internal sealed class LoweredValue
    {
        private LoweredValue(LoweredValueKind kind, ITypeSymbol? type)
        {
            Kind = kind;
            Type = type;
        }

        /// <summary>The kind.</summary>
        public LoweredValueKind Kind { get; }

        /// <summary>The C# type (for memory: the type stored there; for map values and packet refs: T).</summary>
        public ITypeSymbol? Type { get; }

        /// <summary>The scalar, or the pointer of an address, map value or packet ref.</summary>
        public IrValue? Value { get; private set; }

        /// <summary>Byte offset from <see cref="Value"/> for addresses.</summary>
        public int Offset { get; private set; }

        /// <summary>Map name, string text.</summary>
        public string? Name { get; private set; }

        /// <summary>The method of a method group.</summary>
        public IMethodSymbol? Method { get; private set; }

        /// <summary>For stack buffers: the number of elements.</summary>
        public int Length { get; private set; }

        /// <summary>For span enumerators: the 64-bit index register (−1 before the first <c>MoveNext</c>).</summary>
        public IrValue? Index { get; private set; }

        /// <summary>For packets: the metadata area rather than the data.</summary>
        public bool IsMetadata { get; private set; }

        public static LoweredValue None { get; } = new LoweredValue(LoweredValueKind.None, null);

        public static LoweredValue Scalar(IrValue value, ITypeSymbol? type) => new LoweredValue(LoweredValueKind.Scalar, type) { Value = value };

        public static LoweredValue Address(IrValue pointer, int offset, ITypeSymbol type) => new LoweredValue(LoweredValueKind.Address, type) { Value = pointer, Offset = offset };

        public static LoweredValue Zero(ITypeSymbol type) => new LoweredValue(LoweredValueKind.Zero, type);

        public static LoweredValue Null(ITypeSymbol? type) => new LoweredValue(LoweredValueKind.Null, type);

        public static LoweredValue MapValue(IrValue pointer, ITypeSymbol element) => new LoweredValue(LoweredValueKind.MapValue, element) { Value = pointer };

        public static LoweredValue PacketRef(IrValue pointer, ITypeSymbol element, bool metadata = false) => new LoweredValue(LoweredValueKind.PacketRef, element) { Value = pointer, IsMetadata = metadata };

        public static LoweredValue Map(string name, ITypeSymbol type) => new LoweredValue(LoweredValueKind.Map, type) { Name = name };

        public static LoweredValue Context(IrValue pointer, ITypeSymbol type) => new LoweredValue(LoweredValueKind.Context, type) { Value = pointer };

        public static LoweredValue Packet(bool metadata) => new LoweredValue(LoweredValueKind.Packet, null) { IsMetadata = metadata };

        public static LoweredValue MethodGroup(IMethodSymbol method) => new LoweredValue(LoweredValueKind.MethodGroup, null) { Method = method };

        public static LoweredValue StackBuffer(IrValue pointer, int offset, int length, ITypeSymbol element) =>
            new LoweredValue(LoweredValueKind.StackBuffer, element) { Value = pointer, Offset = offset, Length = length };

        public static LoweredValue NetworkOrder(LoweredValue field, ITypeSymbol type, IMethodSymbol? setter) =>
            new LoweredValue(LoweredValueKind.NetworkOrder, type) { Value = field.Value, Offset = field.Offset, Method = setter };

        public static LoweredValue SpanEnumerator(LoweredValue buffer, IrValue index) =>
            new LoweredValue(LoweredValueKind.SpanEnumerator, buffer.Type) { Value = buffer.Value, Offset = buffer.Offset, Length = buffer.Length, Index = index };

        public static LoweredValue String(string text) => new LoweredValue(LoweredValueKind.String, null) { Name = text };

        /// <summary>The same place moved by <paramref name="delta"/> bytes and seen as <paramref name="type"/>.</summary>
        public LoweredValue Field(int delta, ITypeSymbol type) => Address(Value!, Offset + delta, type);

        /// <inheritdoc />
        public override string ToString() => $"{Kind} {Type?.ToDisplayString()} {Value}+{Offset} {Name}";
    }
}

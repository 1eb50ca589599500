namespace Ebpf.Compiler.IR
{
    /// <summary>
    /// <c>%m = map "name"</c> or <c>%v = map_value "name" + off</c>: an LD_IMM64 the loader relocates
    /// (BPF_PSEUDO_MAP_FD, or BPF_PSEUDO_MAP_VALUE for a pointer into an array map's first value).
    /// </summary>
    public sealed class LoadMapInstruction : IrInstruction
    {
        /// <summary>Creates a map reference; the destination's pointer kind picks map or map value.</summary>
        public LoadMapInstruction(VirtualRegister destination, string symbol, int valueOffset = 0)
            : base(destination)
        {
            Symbol = symbol;
            ValueOffset = valueOffset;
        }

        /// <summary>The map's name, as in the collection's map definitions.</summary>
        public string Symbol { get; }

        /// <summary>Offset into the value for a map-value reference.</summary>
        public int ValueOffset { get; }

        /// <summary>True when the result points into the map's value rather than at the map.</summary>
        public bool IsValueReference => Destination!.Type.Pointer == PointerKind.MapValue;

        internal override IrInstruction Clone(IrCloneMap map) =>
            new LoadMapInstruction(map.Map(Destination)!, Symbol, ValueOffset);
    }
}

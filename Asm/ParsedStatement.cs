namespace Ebpf.Asm
{
    /// <summary>How a symbol named in a statement is resolved once all labels are known.</summary>
    internal enum SymbolUse
    {
        /// <summary>No symbol.</summary>
        None,
        /// <summary>A label; the 16-bit offset field gets target − (slot + 1).</summary>
        JumpOffset,
        /// <summary>A label; the immediate gets target − (slot + 1) (gotol, local call).</summary>
        ImmediateOffset,
        /// <summary><c>call NAME</c>: a label makes a BPF-to-BPF call, a helper's C name (<c>bpf_map_lookup_elem</c>) a helper call.</summary>
        CallTarget,
        /// <summary><c>r1 = NAME ll</c>: a label becomes BPF_PSEUDO_FUNC, anything else a map fd relocation.</summary>
        FunctionOrMap,
        /// <summary>A map fd relocation.</summary>
        MapFd,
        /// <summary>A map value relocation (with addend).</summary>
        MapValue,
        /// <summary>A PROG_ARRAY slot relocation.</summary>
        ProgramSlot,
    }

    /// <summary>One parsed instruction and the symbol it still needs.</summary>
    internal readonly struct ParsedStatement
    {
        public ParsedStatement(Instruction instruction, SymbolUse use = SymbolUse.None, string? symbol = null, int symbolColumn = 0, int addend = 0)
        {
            Instruction = instruction;
            Use = use;
            Symbol = symbol;
            SymbolColumn = symbolColumn;
            Addend = addend;
        }

        public Instruction Instruction { get; }

        public SymbolUse Use { get; }

        public string? Symbol { get; }

        public int SymbolColumn { get; }

        public int Addend { get; }
    }
}

namespace Ebpf.Compiler.IR
{
    /// <summary>How a <see cref="ConvertInstruction"/> changes its operand's type.</summary>
    public enum ConversionKind : byte
    {
        /// <summary>To a wider scalar, filling with zeros (free: narrow values are kept zero-extended).</summary>
        ZeroExtend,
        /// <summary>To a wider scalar, copying the sign bit (BPF_MOVSX on cpu v4, shifts before).</summary>
        SignExtend,
        /// <summary>To a narrower scalar, dropping high bits.</summary>
        Truncate,
        /// <summary><see cref="PointerKind.MapValueOrNull"/> to <see cref="PointerKind.MapValue"/> after a null check (a move).</summary>
        AssumeNonNull,
        /// <summary>A 64-bit scalar or pointer seen as another pointer kind or as a 64-bit scalar (a move; the verifier judges it).</summary>
        Reinterpret,
    }
}

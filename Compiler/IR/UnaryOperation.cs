namespace Ebpf.Compiler.IR
{
    /// <summary>One-operand operations on 16-, 32- or 64-bit scalars; the result has the operand's type.</summary>
    public enum UnaryOperation : byte
    {
        /// <summary>−a (BPF_NEG).</summary>
        Negate,
        /// <summary>~a (BPF_XOR with −1).</summary>
        Not,
        /// <summary>Reverses the bytes of the operand's width (BPF_END to big endian on a little-endian machine: htons/htonl/htobe64).</summary>
        ByteSwap,
    }
}

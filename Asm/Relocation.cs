namespace Ebpf.Asm
{
    /// <summary>What the loader writes into an instruction that names a symbol.</summary>
    public enum RelocationKind
    {
        /// <summary>LD_IMM64 gets the fd of the map named by the symbol (BPF_PSEUDO_MAP_FD).</summary>
        MapFd,
        /// <summary>LD_IMM64 gets the map fd and the addend as offset into its value (BPF_PSEUDO_MAP_VALUE).</summary>
        MapValue,
        /// <summary>The immediate gets the slot the loader gave the named program in its PROG_ARRAY.</summary>
        ProgramSlot,
    }

    /// <summary>
    /// A symbolic reference from instruction <paramref name="InstructionIndex"/> (an index into
    /// <see cref="ProgramImage.Instructions"/>, not a slot number) to a map or program.
    /// </summary>
    public sealed record Relocation(int InstructionIndex, RelocationKind Kind, string Symbol, int Addend = 0);
}

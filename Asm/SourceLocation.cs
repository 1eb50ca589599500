namespace Ebpf.Asm
{
    /// <summary>A place in a source file (1-based line and column), with the line's text when known.</summary>
    public sealed record SourceLocation(string File, int Line, int Column, string? Text = null)
    {
        /// <inheritdoc />
        public override string ToString() => $"{File}:{Line}:{Column}";
    }

    /// <summary>Maps the instruction at <paramref name="InstructionIndex"/> (and those after it, up to the next entry) to source.</summary>
    public sealed record SourceMapEntry(int InstructionIndex, SourceLocation Location);
}

namespace Ebpf.Asm
{
    /// <summary>One problem in assembly text, at a 1-based line and column.</summary>
    public sealed record AssemblyError(string File, int Line, int Column, string Message)
    {
        /// <summary>The compiler-style spelling: <c>prog.s:3:9: error: unknown register 'r11'</c>.</summary>
        public override string ToString() => $"{File}:{Line}:{Column}: error: {Message}";
    }
}

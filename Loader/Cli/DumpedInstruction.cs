namespace Ebpf.Loader.Cli
{
    /// <summary>One instruction as <c>prog dump --json</c> prints it.</summary>
    /// <param name="Slot">Its slot number (the verifier log's numbering).</param>
    /// <param name="Text">The disassembly.</param>
    /// <param name="Source">The C# line at the same instruction index of the image (<c>file:line: text</c>), when an image was given.</param>
    public sealed record DumpedInstruction(int Slot, string Text, string? Source);
}

namespace Ebpf.Loader.Cli
{
    /// <summary>One row of <c>disasm</c> output.</summary>
    public sealed record DisassembledInstruction(int Slot, string Bytes, string Text);
}

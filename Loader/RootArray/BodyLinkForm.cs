namespace Ebpf.Loader.RootArray
{
    /// <summary>How <see cref="SlotProgramLinker"/> and <see cref="RootProgramLinker"/> put a compiled body behind their epilogue.</summary>
    public enum BodyLinkForm
    {
        /// <summary>
        /// The body's main function inline, each of its exits a jump to the epilogue, the context spilled below its
        /// stack (<see cref="InlineBodyLinker"/>): no call, the default.
        /// </summary>
        Inline,

        /// <summary>
        /// The body as a BPF-to-BPF subprogram the wrapper calls (<c>r6 = r1; call body; …</c>): the fallback when the
        /// body's stack depth cannot be bounded (<see cref="InlineBodyLinker.CallFormReason"/>).
        /// </summary>
        /// <remarks>Kernel: BPF-to-BPF calls mixed with tail calls since 5.10 (x86-64).</remarks>
        Call,
    }
}

using System.Collections.Generic;

namespace Ebpf.Loader.RootArray
{
    /// <summary>What <see cref="XdpRootArray.LoadSlot(string, int, Ebpf.Asm.CollectionImage, string?)"/> did.</summary>
    /// <param name="Interface">The interface.</param>
    /// <param name="Slot">The slot the program went into.</param>
    /// <param name="Slots">The root array's slot count (the program was linked for it).</param>
    /// <param name="ProgramName">The program's kernel name (the slot program's method name).</param>
    /// <param name="ProgramId">The kernel id of the loaded program.</param>
    /// <param name="ReplacedProgramId">The id of the program the slot held before, or null when it was empty.</param>
    /// <param name="MapPins">The bpffs paths of the program's own maps (pinned by name in the interface's directory).</param>
    public sealed record SlotLoadResult(
        string Interface,
        int Slot,
        int Slots,
        string ProgramName,
        uint ProgramId,
        uint? ReplacedProgramId,
        IReadOnlyList<string> MapPins);
}

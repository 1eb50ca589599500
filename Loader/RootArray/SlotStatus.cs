using System;

namespace Ebpf.Loader.RootArray
{
    /// <summary>One row of a root array's status: a slot (or the root itself) and its verdict counters summed over CPUs.</summary>
    /// <param name="Slot">The slot number; null for the root program's row.</param>
    /// <param name="ProgramId">The program in the slot; null when the slot is empty.</param>
    /// <param name="Name">The program's kernel name (15 bytes at most); null when empty.</param>
    /// <param name="LoadTime">When the program was loaded; null when empty.</param>
    /// <param name="Counters">Packets per verdict counted in this row.</param>
    public sealed record SlotStatus(int? Slot, uint? ProgramId, string? Name, DateTimeOffset? LoadTime, VerdictCounters Counters);
}

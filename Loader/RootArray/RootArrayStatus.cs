using System.Collections.Generic;

namespace Ebpf.Loader.RootArray
{
    /// <summary>What is attached to one interface's root array.</summary>
    /// <param name="Interface">The interface name.</param>
    /// <param name="Attached">True when the pinned link still attaches the root program (false: stale pins, run detach).</param>
    /// <param name="LinkId">The bpf_link's id (0 when no link is pinned).</param>
    /// <param name="Root">The root program's row.</param>
    /// <param name="Slots">One row per slot, in order.</param>
    public sealed record RootArrayStatus(string Interface, bool Attached, uint LinkId, SlotStatus Root, IReadOnlyList<SlotStatus> Slots);
}

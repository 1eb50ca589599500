using System.Collections.Generic;
using Ebpf.Programs.Filter;

namespace Ebpf.Loader.Filter
{
    /// <summary>The filter on one interface: where it runs, its configuration, drop lists and counters.</summary>
    /// <param name="Interface">The interface name.</param>
    /// <param name="Slot">The root array slot holding the filter.</param>
    /// <param name="ProgramId">The kernel id of the linked filter program.</param>
    /// <param name="Settings">The configuration.</param>
    /// <param name="Drops">The drop lists, IPv4 first, each sorted by address then prefix length.</param>
    /// <param name="Stats">The counters summed over all CPUs.</param>
    public sealed record FilterStatus(string Interface, int Slot, uint ProgramId, FilterSettings Settings, IReadOnlyList<FilterDropRule> Drops, FilterStats Stats);
}

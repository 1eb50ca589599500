using Ebpf.Asm;

namespace Ebpf.Loader.Maps
{
    /// <summary>What the kernel reports about a map (<c>struct bpf_map_info</c>).</summary>
    /// <param name="Id">The kernel-wide map id.</param>
    /// <param name="Type">The map type.</param>
    /// <param name="Name">The name the kernel kept (≤ 15 bytes).</param>
    /// <param name="KeySize">Key size in bytes.</param>
    /// <param name="ValueSize">Value size in bytes (per CPU for per-CPU maps).</param>
    /// <param name="MaxEntries">Capacity.</param>
    /// <param name="Flags">map_flags.</param>
    /// <param name="BtfId">The BTF object id, 0 when none.</param>
    public sealed record MapInfo(
        uint Id,
        MapType Type,
        string Name,
        int KeySize,
        int ValueSize,
        int MaxEntries,
        uint Flags,
        uint BtfId);
}

using System.Collections.Generic;

namespace Ebpf.Asm
{
    /// <summary>How a map is shared through bpffs.</summary>
    public enum MapPinning
    {
        /// <summary>Not pinned: the map lives as long as its fds and programs.</summary>
        None,
        /// <summary>Pinned by name under the loader's pin directory, and reused when already there.</summary>
        ByName,
    }

    /// <summary>
    /// A map as a program declares it: pure data, no fd. The loader turns it into a <c>BpfMap</c>.
    /// </summary>
    /// <param name="Name">The map's name (the kernel keeps the first 15 bytes).</param>
    /// <param name="Type">The kernel map type.</param>
    /// <param name="KeySize">Key size in bytes (4 for arrays, 0 for RINGBUF).</param>
    /// <param name="ValueSize">Value size in bytes (4 for PROG_ARRAY, 0 for RINGBUF).</param>
    /// <param name="MaxEntries">Capacity; for RINGBUF the buffer size in bytes (a power of two multiple of the page size).</param>
    /// <param name="Flags">map_flags, e.g. BPF_F_NO_PREALLOC (1) which LPM_TRIE requires.</param>
    public sealed record MapDefinition(
        string Name,
        MapType Type,
        int KeySize,
        int ValueSize,
        int MaxEntries,
        uint Flags = 0)
    {
        /// <summary>Whether and how the map is pinned.</summary>
        public MapPinning Pinning { get; init; } = MapPinning.None;

        /// <summary>For a PROG_ARRAY: the programs (by name) the loader puts in which slots.</summary>
        public IReadOnlyList<ProgramSlot> ProgramSlots { get; init; } = System.Array.Empty<ProgramSlot>();
    }

    /// <summary>A PROG_ARRAY entry that the loader fills: <paramref name="Program"/> goes into <paramref name="Slot"/>.</summary>
    public sealed record ProgramSlot(int Slot, string Program);
}

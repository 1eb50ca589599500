using System;
using System.Linq;
using Ebpf.Asm;

namespace Ebpf.Loader.RootArray
{
    /// <summary>
    /// A root program and its two maps, as any compiler produced them: the XDP program attached to the interface,
    /// the PROG_ARRAY of slots and the per-CPU stats array (one row of <see cref="VerdictCounters"/> per slot, plus
    /// the root's row last). The DSL root linked by <see cref="RootProgramLinker"/> is the default source; the assembly
    /// root (<see cref="XdpRootAssembly"/>) is the oracle; either is handed to <see cref="RootArrayAttachOptions.Image"/>.
    /// </summary>
    /// <param name="Image">The collection: at least the root program and the two maps (unpinned: the attach pins them).</param>
    /// <param name="ProgramName">The root program's name (also its pin name).</param>
    /// <param name="SlotsMapName">The PROG_ARRAY's name (also its pin name, which slot programs reuse by name).</param>
    /// <param name="StatsMapName">The stats PERCPU_ARRAY's name (also its pin name).</param>
    public sealed record RootArrayImage(
        CollectionImage Image,
        string ProgramName = RootArrayImage.DefaultProgramName,
        string SlotsMapName = RootArrayImage.DefaultSlotsMapName,
        string StatsMapName = RootArrayImage.DefaultStatsMapName)
    {
        /// <summary>
        /// The root array's two maps for <paramref name="slots"/> slots: the PROG_ARRAY (<see cref="DefaultSlotsMapName"/>,
        /// one entry per slot) and the per-CPU stats array (<see cref="DefaultStatsMapName"/>, a row per slot plus the root's).
        /// Root images leave them unpinned (the attach pins them); slot programs declare them pinned by name to reuse them.
        /// </summary>
        public static MapDefinition[] MapsFor(int slots, MapPinning pinning = MapPinning.None) => new[]
        {
            new MapDefinition(DefaultSlotsMapName, MapType.ProgramArray, 4, 4, slots) { Pinning = pinning },
            new MapDefinition(DefaultStatsMapName, MapType.PerCpuArray, 4, VerdictCounters.Size, slots + 1) { Pinning = pinning },
        };

        /// <summary>The root program's name.</summary>
        public const string DefaultProgramName = "xdp_root";

        /// <summary>The slots PROG_ARRAY's name.</summary>
        public const string DefaultSlotsMapName = "root_slots";

        /// <summary>The stats PERCPU_ARRAY's name.</summary>
        public const string DefaultStatsMapName = "root_stats";

        /// <summary>The most slots a root array may have: the root plus 32 slots stay within the kernel's 33 tail calls.</summary>
        public const int MaxSlots = 32;

        /// <summary>The number of slots (the PROG_ARRAY's max_entries).</summary>
        public int Slots => Map(SlotsMapName).MaxEntries;

        /// <summary>Checks the shape: an XDP root program, a PROG_ARRAY of 1..<see cref="MaxSlots"/> slots and a per-CPU stats array of slots + 1 rows of 48 bytes.</summary>
        /// <exception cref="ArgumentException">The image does not have that shape.</exception>
        public void Validate()
        {
            ProgramImage program = Image.Programs.FirstOrDefault(p => p.Name == ProgramName)
                ?? throw new ArgumentException($"the root image has no program '{ProgramName}'");
            if (program.Type != ProgramType.Xdp)
            {
                throw new ArgumentException($"root program '{ProgramName}' is {program.Type}, not XDP");
            }

            MapDefinition slots = Map(SlotsMapName);
            if (slots.Type != MapType.ProgramArray || slots.MaxEntries < 1 || slots.MaxEntries > MaxSlots)
            {
                throw new ArgumentException($"map '{SlotsMapName}' must be a PROG_ARRAY of 1..{MaxSlots} slots (is {slots.Type} of {slots.MaxEntries})");
            }

            MapDefinition stats = Map(StatsMapName);
            if (stats.Type != MapType.PerCpuArray || stats.KeySize != 4 || stats.ValueSize != VerdictCounters.Size || stats.MaxEntries != slots.MaxEntries + 1)
            {
                throw new ArgumentException(
                    $"map '{StatsMapName}' must be a PERCPU_ARRAY of {slots.MaxEntries + 1} rows of {VerdictCounters.Size} bytes " +
                    $"(is {stats.Type}, {stats.MaxEntries} rows of {stats.ValueSize} bytes)");
            }
        }

        private MapDefinition Map(string name) =>
            Image.Maps.FirstOrDefault(m => m.Name == name) ?? throw new ArgumentException($"the root image has no map '{name}'");
    }
}

using System;
using Ebpf.Asm;
using Ebpf.Loader.Programs;

namespace Ebpf.Benchmarks.SideBySide
{
    /// <summary>One program loaded twice — compiled by us and compiled by clang from its C twin — and the frame both are test-run on.</summary>
    /// <param name="Suite">The program class it belongs to.</param>
    /// <param name="Name">The program's name (the same on both sides).</param>
    /// <param name="Type">Its program type; chooses the floor program.</param>
    /// <param name="Ours">Loaded from our image by <c>Collection.Load</c>.</param>
    /// <param name="Clang">Loaded by bpftool from the clang object and opened from its pin.</param>
    /// <param name="OursImage">Our program as loaded, before the kernel saw it (for its listing).</param>
    /// <param name="Packet">The frame every test run of this pair gets.</param>
    internal sealed record ProgramPair(string Suite, string Name, ProgramType Type, BpfProgram Ours, BpfProgram Clang, ProgramImage OursImage, TestPacket Packet)
    {
        /// <summary>What this pair is measuring besides the program: a setting (<c>every=1</c>) shown after the name; empty when none.</summary>
        public string Setting { get; init; } = "";

        /// <summary>
        /// When set, a measurement of <c>repeat</c> runs is made as test runs of this many repeats each, with
        /// <see cref="BeforeBatch"/> before each (e.g. emptying a ring buffer that the full repeat would overflow),
        /// and the kernel's per-run durations averaged over all runs.
        /// </summary>
        public uint? RepeatBatch { get; init; }

        /// <summary>Runs before each batch of <see cref="RepeatBatch"/> runs.</summary>
        public Action? BeforeBatch { get; init; }

        /// <summary>The pair's label in tables and file names: <c>Suite.Name</c>, then the setting and the packet when given.</summary>
        public string Label => $"{Suite}.{Name}" + (Setting.Length > 0 ? " " + Setting : "") + (Packet.Name.Length > 0 ? " " + Packet.Name : "");
    }
}

using Ebpf.Asm;
using Ebpf.Loader.Programs;

namespace Ebpf.Benchmarks.SideBySide
{
    /// <summary>One program loaded twice: compiled by us and compiled by clang from its C twin.</summary>
    /// <param name="Suite">The program class it belongs to.</param>
    /// <param name="Name">The program's name (the same on both sides).</param>
    /// <param name="Type">Its program type; chooses the floor program.</param>
    /// <param name="Ours">Loaded from our image by <c>Collection.Load</c>.</param>
    /// <param name="Clang">Loaded by bpftool from the clang object and opened from its pin.</param>
    /// <param name="OursImage">Our compiled program before the kernel saw it (for its listing).</param>
    internal sealed record ProgramPair(string Suite, string Name, ProgramType Type, BpfProgram Ours, BpfProgram Clang, ProgramImage OursImage);
}

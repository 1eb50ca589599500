using System.Collections.Generic;
using Ebpf.Asm;
using Ebpf.Loader.RootArray;
using Ebpf.Programs.TailChain;

namespace Ebpf.Benchmarks.SideBySide
{
    /// <summary>
    /// One program class of Programs/ (or the XDP root array) and its C twin under Benchmarks/C: our image, the clang object's stem, how bpftool
    /// types its programs, and how its PROG_ARRAY is named on each side (slots follow our image's ProgramSlots).
    /// </summary>
    /// <param name="Name">The program class (<c>XdpChain</c>).</param>
    /// <param name="Image">Our compiled collection, embedded by the generator.</param>
    /// <param name="ObjectStem">The C object's file stem (<c>xdp_chain</c> for <c>xdp_chain.bpf.o</c>).</param>
    /// <param name="BpftoolType">The <c>type</c> argument of <c>bpftool prog loadall</c>.</param>
    /// <param name="ProgramArrayNames">Our PROG_ARRAY map name → the C twin's.</param>
    /// <param name="Programs">The programs to compare, in chain order; each is test-run on its own (it runs the rest of the chain).</param>
    internal sealed record ProgramSuite(
        string Name,
        CollectionImage Image,
        string ObjectStem,
        string BpftoolType,
        IReadOnlyDictionary<string, string> ProgramArrayNames,
        IReadOnlyList<string> Programs)
    {
        /// <summary>The root array's slot count the C twin is built for (<c>ROOT_SLOTS</c> in xdp_root.bpf.c; attach's default).</summary>
        public const int RootSlots = 8;

        /// <summary>Every program class under Programs/, and the hand-written XDP root array, with their C twins.</summary>
        public static IReadOnlyList<ProgramSuite> All { get; } = new[]
        {
            new ProgramSuite(
                nameof(XdpChain),
                XdpChain.Image,
                "xdp_chain",
                "xdp",
                new Dictionary<string, string> { ["TailPrograms"] = "tail_programs" },
                new[] { nameof(XdpChain.Xdp1), nameof(XdpChain.Xdp2), nameof(XdpChain.Xdp3) }),
            new ProgramSuite(
                nameof(EgressChain),
                EgressChain.Image,
                "tail_chain",
                "cgroup_skb/egress",
                new Dictionary<string, string> { ["TailPrograms"] = "tail_programs" },
                new[] { nameof(EgressChain.Egress1), nameof(EgressChain.Egress2), nameof(EgressChain.Egress3) }),
            new ProgramSuite(
                "XdpRootArray",
                XdpRootAssembly.Build(RootSlots).Image,
                "xdp_root",
                "xdp",
                new Dictionary<string, string>(),
                new[] { RootArrayImage.DefaultProgramName }),
        };
    }
}

using System.Collections.Generic;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Loader.Loading;
using Ebpf.Loader.Programs;
using Ebpf.Programs.TailChain;

namespace Ebpf.Benchmarks.SideBySide
{
    /// <summary>
    /// A tail-call chain of Programs/TailChain and its C twin: our image, the clang object's stem, how bpftool types its
    /// programs, and how its PROG_ARRAY is named on each side (slots follow our image's ProgramSlots).
    /// </summary>
    /// <param name="Name">The program class (<c>XdpChain</c>).</param>
    /// <param name="Image">Our compiled collection, embedded by the generator.</param>
    /// <param name="ObjectStem">The C object's file stem (<c>xdp_chain</c> for <c>xdp_chain.bpf.o</c>).</param>
    /// <param name="BpftoolType">The <c>type</c> argument of <c>bpftool prog loadall</c>.</param>
    /// <param name="ProgramArrayNames">Our PROG_ARRAY map name → the C twin's.</param>
    /// <param name="Programs">The programs to compare, in chain order; each is test-run on its own (it runs the rest of the chain).</param>
    internal sealed record ChainSuite(
        string Name,
        CollectionImage Image,
        string ObjectStem,
        string BpftoolType,
        IReadOnlyDictionary<string, string> ProgramArrayNames,
        IReadOnlyList<string> Programs) : IProgramSuite
    {
        /// <summary>The XDP chain and the cgroup_skb/egress chain.</summary>
        public static IReadOnlyList<ChainSuite> All { get; } = new[]
        {
            new ChainSuite(
                nameof(XdpChain),
                XdpChain.Image,
                "xdp_chain",
                "xdp",
                new Dictionary<string, string> { ["TailPrograms"] = "tail_programs" },
                new[] { nameof(XdpChain.Xdp1), nameof(XdpChain.Xdp2), nameof(XdpChain.Xdp3) }),
            new ChainSuite(
                nameof(EgressChain),
                EgressChain.Image,
                "tail_chain",
                "cgroup_skb/egress",
                new Dictionary<string, string> { ["TailPrograms"] = "tail_programs" },
                new[] { nameof(EgressChain.Egress1), nameof(EgressChain.Egress2), nameof(EgressChain.Egress3) }),
        };

        /// <inheritdoc />
        public IReadOnlyList<ProgramPair> Load(SuiteContext context)
        {
            LoadedCollection ours = context.LoadOurs(Image, Name);
            BpftoolCollection clang = context.LoadClang(ObjectStem, BpftoolType, Name);
            foreach (MapDefinition map in Image.Maps.Where(map => map.ProgramSlots.Count > 0))
            {
                foreach (ProgramSlot slot in map.ProgramSlots)
                {
                    clang.SetSlot(ProgramArrayNames[map.Name], slot.Slot, slot.Program);
                }
            }

            var packet = new TestPacket("", TestPackets.Ipv4Udp());
            return Programs.Select(program =>
            {
                BpfProgram mine = ours.Program(program);
                ProgramImage image = Image.Programs.Single(candidate => candidate.Name == program);
                return new ProgramPair(Name, program, mine.Type, mine, clang.Program(program), image, packet);
            }).ToList();
        }
    }
}

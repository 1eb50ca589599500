using System.Collections.Generic;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Loader.Loading;
using Ebpf.Loader.Programs;
using Ebpf.Loader.RootArray;

namespace Ebpf.Benchmarks.SideBySide
{
    /// <summary>
    /// The XDP root array's root program against its C twin (C/xdp_root.bpf.c): sanity checks, then constant-key tail calls
    /// into <see cref="Slots"/> empty slots, PASS counted in the root's row. Ours: the hand-written assembly root
    /// (Loader/RootArray/xdp_root.s) and the DSL root (Programs/RootArray/XdpRoot.cs) as RootProgramLinker links it (body
    /// inlined); the DSL root is also compared with C/xdp_root_call.bpf.c, whose classification is a BPF-to-BPF call as in
    /// the linker's fallback form.
    /// </summary>
    internal sealed class RootArraySuite : IProgramSuite
    {
        /// <summary>The slot count the C twin is built for (<c>ROOT_SLOTS</c> in xdp_root.bpf.c; attach's default).</summary>
        public const int Slots = 8;

        /// <inheritdoc />
        public string Name => "XdpRootArray";

        /// <inheritdoc />
        public IReadOnlyList<ProgramPair> Load(SuiteContext context)
        {
            var packets = new[]
            {
                new TestPacket("ipv4-udp", TestPackets.Ipv4Udp()),
                new TestPacket("ipv6-udp", TestPackets.Ipv6Udp()),
            };
            var pairs = new List<ProgramPair>();
            var clang = CTwins.ToDictionary(twin => twin.Stem, twin => context.LoadClang(twin.Stem, "xdp", Name + "-" + twin.Stem));
            foreach ((string label, CollectionImage image, string stem, string versus) in Comparisons())
            {
                LoadedCollection ours = context.LoadOurs(image, label + "-" + stem);
                SuiteContext.CheckSameMaps(Name, ours, clang[stem], SuiteContext.MapNames(image));
                ProgramImage program = image.Programs.Single();
                BpfProgram mine = ours.Program(program.Name);
                BpfProgram theirs = clang[stem].Program(RootArrayImage.DefaultProgramName);
                pairs.AddRange(packets.Select(packet => new ProgramPair(Name, program.Name, mine.Type, mine, theirs, program, packet)
                {
                    Setting = versus.Length > 0 ? label + " " + versus : label,
                }));
            }

            return pairs;
        }

        /// <summary>The C objects: the twin as C would write it (classification inlined), and with the classification a BPF-to-BPF call, the linker's fallback form for the DSL root.</summary>
        private static IReadOnlyList<(string Stem, string Versus)> CTwins { get; } = new[] { ("xdp_root", ""), ("xdp_root_call", "vs-C-call") };

        // The assembly root against the C twin as written; the DSL root (each side loaded on its own maps) against both.
        private static IEnumerable<(string Label, CollectionImage Image, string Stem, string Versus)> Comparisons()
        {
            yield return ("asm", XdpRootAssembly.Build(Slots).Image, CTwins[0].Stem, CTwins[0].Versus);
            foreach ((string stem, string versus) in CTwins)
            {
                yield return ("dsl", RootProgramLinker.Build(Slots).Image, stem, versus);
            }
        }
    }
}

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
    /// (Loader/RootArray/xdp_root.s); the DSL root joins when the loader links it.
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
            BpftoolCollection clang = context.LoadClang("xdp_root", "xdp", Name);
            foreach ((string label, CollectionImage image) in OurRoots())
            {
                LoadedCollection ours = context.LoadOurs(image, label);
                SuiteContext.CheckSameMaps(Name, ours, clang, SuiteContext.MapNames(image));
                ProgramImage program = image.Programs.Single();
                BpfProgram mine = ours.Program(program.Name);
                pairs.AddRange(packets.Select(packet => new ProgramPair(
                    Name, program.Name, mine.Type, mine, clang.Program(RootArrayImage.DefaultProgramName), program, packet) { Setting = label }));
            }

            return pairs;
        }

        private static IEnumerable<(string Label, CollectionImage Image)> OurRoots()
        {
            yield return ("asm", XdpRootAssembly.Build(Slots).Image);
        }
    }
}

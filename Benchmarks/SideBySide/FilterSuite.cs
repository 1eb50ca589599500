using System.Collections.Generic;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Loader.Loading;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Programs;
using Ebpf.Loader.RootArray;
using Ebpf.Programs.Filter;

namespace Ebpf.Benchmarks.SideBySide
{
    /// <summary>
    /// The filter (<c>[XdpSlot(0)] Filter</c>, linked by the loader for slot 0 of <see cref="RootArraySuite.Slots"/>)
    /// against C/filter.bpf.c: both with frags_drop and ptb_send on (20 pps), the same 1,001 IPv4 and 1,000 IPv6 drop-list
    /// entries (<see cref="DropListEntries"/>), over a passing IPv4 UDP frame, one from a listed source and a passing IPv6 frame;
    /// against the C twin as written (body inlined) and with the body a BPF-to-BPF call (<c>vs-C-call</c>: the linkers' fallback form, which they used before 82a140d).
    /// </summary>
    internal sealed class FilterSuite : IProgramSuite
    {
        private const int Slot = 0;

        /// <inheritdoc />
        public string Name => nameof(XdpFilter);

        /// <inheritdoc />
        public IReadOnlyList<ProgramPair> Load(SuiteContext context)
        {
            CollectionImage image = SlotProgramLinker.Link(XdpFilter.Image, nameof(XdpFilter.Filter), Slot, RootArraySuite.Slots);
            LoadedCollection ours = context.LoadOurs(image, Name);
            Configure(ours, clang: null);
            ProgramImage program = image.Programs.Single();
            BpfProgram mine = ours.Program(program.Name);
            var packets = new[]
            {
                new TestPacket("ipv4-pass", TestPackets.Ipv4Udp()),
                new TestPacket("ipv4-listed-drop", TestPackets.Ipv4Udp(DropListEntries.ListedIpv4Source)),
                new TestPacket("ipv6-pass", TestPackets.Ipv6Udp()),
            };
            var pairs = new List<ProgramPair>();
            foreach ((string stem, string setting) in CTwins)
            {
                BpftoolCollection clang = context.LoadClang(stem, "xdp", Name + "-" + stem);
                SuiteContext.CheckSameMaps(Name, ours, clang, SuiteContext.MapNames(image));
                Configure(ours: null, clang);
                BpfProgram theirs = clang.Program(nameof(XdpFilter.Filter));
                pairs.AddRange(packets.Select(packet => new ProgramPair(Name, program.Name, mine.Type, mine, theirs, program, packet) { Setting = setting }));
            }

            return pairs;
        }

        /// <summary>The C objects: the twin as C would write it (body inlined), and the same with the body a BPF-to-BPF call, the linkers' fallback form.</summary>
        internal static IReadOnlyList<(string Stem, string Setting)> CTwins { get; } = new[] { ("filter", ""), ("filter_call", "vs-C-call") };

        private static void Configure(LoadedCollection? ours, BpftoolCollection? clang)
        {
            byte[] config = { 1, 1, 0, 0, 20, 0, 0, 0 }; // frags_drop, ptb_send, reserved, ptb_max_pps = 20
            Update("filter_config", new byte[4], config);
            Fill("filter_drop4", DropListEntries.Ipv4Keys());
            Fill("filter_drop6", DropListEntries.Ipv6Keys());

            void Fill(string map, IReadOnlyList<byte[]> keys)
            {
                int valueSize = (ours?.Map(map) ?? clang!.Map(map)).ValueSize;
                for (int i = 0; i < keys.Count; i++)
                {
                    Update(map, keys[i], DropListEntries.Value(valueSize, i));
                }
            }

            void Update(string map, byte[] key, byte[] value)
            {
                ours?.Map(map).Update(key, value);
                clang?.Map(map).Update(key, value);
            }
        }
    }
}

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
    /// entries (<see cref="DropListEntries"/>), over a passing IPv4 UDP frame, one from a listed source and a passing IPv6 frame.
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
            BpftoolCollection clang = context.LoadClang("filter", "xdp", Name);
            SuiteContext.CheckSameMaps(Name, ours, clang, SuiteContext.MapNames(image));

            byte[] config = { 1, 1, 0, 0, 20, 0, 0, 0 }; // frags_drop, ptb_send, reserved, ptb_max_pps = 20
            SuiteContext.UpdateBoth(ours, clang, "filter_config", new byte[4], config);
            Fill(ours, clang, "filter_drop4", DropListEntries.Ipv4Keys());
            Fill(ours, clang, "filter_drop6", DropListEntries.Ipv6Keys());

            ProgramImage program = image.Programs.Single();
            BpfProgram mine = ours.Program(program.Name);
            BpfProgram theirs = clang.Program(nameof(XdpFilter.Filter));
            return new[]
            {
                new TestPacket("ipv4-pass", TestPackets.Ipv4Udp()),
                new TestPacket("ipv4-listed-drop", TestPackets.Ipv4Udp(DropListEntries.ListedIpv4Source)),
                new TestPacket("ipv6-pass", TestPackets.Ipv6Udp()),
            }.Select(packet => new ProgramPair(Name, program.Name, mine.Type, mine, theirs, program, packet)).ToList();
        }

        private static void Fill(LoadedCollection ours, BpftoolCollection clang, string map, IReadOnlyList<byte[]> keys)
        {
            int valueSize = ours.Map(map).ValueSize;
            for (int i = 0; i < keys.Count; i++)
            {
                SuiteContext.UpdateBoth(ours, clang, map, keys[i], DropListEntries.Value(valueSize, i));
            }
        }
    }
}

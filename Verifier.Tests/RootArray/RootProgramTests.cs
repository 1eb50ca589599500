using System;
using Ebpf.Loader.Loading;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Programs;
using Ebpf.Loader.RootArray;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.RootArray
{
    /// <summary>The assembly root program and the slot contract under BPF_PROG_TEST_RUN (tail calls run there too).</summary>
    public sealed class RootProgramTests : KernelTest
    {
        private const uint Aborted = 0;
        private const uint Drop = 1;
        private const uint Pass = 2;
        private const uint Tx = 3;

        public static TheoryData<string, uint> Frames => new TheoryData<string, uint>
        {
            { "ipv4-udp", Pass },
            { "ipv4-tcp", Pass },
            { "ipv4-icmp", Pass },
            { "ipv4-gre", Pass },
            { "ipv6-udp", Pass },
            { "ipv6-icmpv6", Pass },
            { "ipv6-fragment-header", Pass },
            { "arp", Pass },
            { "vlan", Pass },
            { "ethernet-only-ipv4", Aborted },
            { "ipv4-options-past-end", Aborted },
            { "ipv4-ihl-4", Aborted },
            { "ipv4-version-6", Aborted },
            { "ipv6-truncated", Aborted },
        };

        [Theory]
        [MemberData(nameof(Frames))]
        public void Root_with_empty_slots_gives_the_expected_verdict_and_counts_it_in_its_own_row(string frame, uint verdict)
        {
            RootArrayImage image = XdpRootAssembly.Build(8);
            using LoadedCollection root = Collection.Load(image.Image);
            TestRunResult result = root.Program(image.ProgramName).TestRun(Frame(frame));

            Assert.Equal(verdict, result.ReturnValue);
            VerdictCounters rootRow = Sum(root.Map(image.StatsMapName), 8);
            Assert.Equal(1ul, rootRow.Total);
            Assert.Equal(verdict == Pass ? 1ul : 0ul, rootRow.Pass);
            Assert.Equal(verdict == Aborted ? 1ul : 0ul, rootRow.Aborted);
            for (uint slot = 0; slot < 8; slot++)
            {
                Assert.Equal(0ul, Sum(root.Map(image.StatsMapName), slot).Total);
            }
        }

        [Fact]
        public void Root_has_one_constant_key_tail_call_per_slot()
        {
            RootArrayImage image = XdpRootAssembly.Build(5);
            var keys = new System.Collections.Generic.List<string>();
            Ebpf.Asm.Instruction? lastR3 = null;
            foreach (Ebpf.Asm.Instruction instruction in image.Image.Programs[0].Instructions)
            {
                string text = Ebpf.Asm.Disassembler.Format(instruction);
                if (text.StartsWith("r3 = ", StringComparison.Ordinal))
                {
                    lastR3 = instruction;
                }
                else if (text == "call 12")
                {
                    keys.Add(lastR3 is null ? "?" : Ebpf.Asm.Disassembler.Format(lastR3.Value));
                }
            }

            Assert.Equal(new[] { "r3 = 0", "r3 = 1", "r3 = 2", "r3 = 3", "r3 = 4" }, keys);
            Assert.Equal(5, image.Slots);
        }

        [Fact]
        public void A_pass_continues_with_the_next_populated_slot_and_a_drop_is_final()
        {
            using var pins = new PinDirectory();
            RootArrayImage image = XdpRootAssembly.Build(8);
            using LoadedCollection root = Collection.Load(image.Image);
            root.Map(image.SlotsMapName).Pin(pins[RootArrayImage.DefaultSlotsMapName]);
            root.Map(image.StatsMapName).Pin(pins[RootArrayImage.DefaultStatsMapName]);
            var options = new LoadOptions { PinDirectory = pins.Path };
            using LoadedCollection dropper = Collection.Load(SlotPrograms.DropUdpPort("drop_udp53", 53, 2, 8), options);
            using LoadedCollection passer = Collection.Load(SlotPrograms.Constant("pass_all", (int)Pass, 5, 8), options);
            var slots = new ProgramArrayView(root.Map(image.SlotsMapName));
            slots.Set(2, dropper.Program("drop_udp53"));
            slots.Set(5, passer.Program("pass_all"));
            BpfProgram program = root.Program(image.ProgramName);

            Assert.Equal(Drop, program.TestRun(Packets.Ipv4Udp()).ReturnValue);      // to port 53: slot 2 drops
            Assert.Equal(Drop, program.TestRun(Packets.Ipv4Udp()).ReturnValue);
            Assert.Equal(Pass, program.TestRun(Frame("ipv4-tcp")).ReturnValue);      // slot 2 passes, slot 5 passes
            Assert.Equal(Pass, program.TestRun(Frame("arp")).ReturnValue);           // never reaches a slot

            BpfMap stats = root.Map(image.StatsMapName);
            Assert.Equal(new VerdictCounters(0, 2, 1, 0, 0, 0), Sum(stats, 2));
            Assert.Equal(new VerdictCounters(0, 0, 1, 0, 0, 0), Sum(stats, 5));
            Assert.Equal(new VerdictCounters(0, 0, 1, 0, 0, 0), Sum(stats, 8));   // the root's row: only the ARP frame
            Assert.Equal(0ul, Sum(stats, 0).Total + Sum(stats, 3).Total + Sum(stats, 7).Total);
        }

        [Fact]
        public void Slot_verdicts_beyond_redirect_count_as_invalid_actions_and_tx_is_final()
        {
            using var pins = new PinDirectory();
            RootArrayImage image = XdpRootAssembly.Build(3);
            using LoadedCollection root = Collection.Load(image.Image);
            root.Map(image.SlotsMapName).Pin(pins[RootArrayImage.DefaultSlotsMapName]);
            root.Map(image.StatsMapName).Pin(pins[RootArrayImage.DefaultStatsMapName]);
            var options = new LoadOptions { PinDirectory = pins.Path };
            using LoadedCollection tx = Collection.Load(SlotPrograms.Constant("tx_all", (int)Tx, 0, 3), options);
            using LoadedCollection invalid = Collection.Load(SlotPrograms.Constant("invalid_all", 9, 1, 3), options);
            var slots = new ProgramArrayView(root.Map(image.SlotsMapName));
            slots.Set(1, invalid.Program("invalid_all"));
            BpfProgram program = root.Program(image.ProgramName);

            Assert.Equal(9u, program.TestRun(Packets.Ipv4Udp()).ReturnValue);
            slots.Set(0, tx.Program("tx_all"));
            Assert.Equal(Tx, program.TestRun(Packets.Ipv4Udp()).ReturnValue);

            BpfMap stats = root.Map(image.StatsMapName);
            Assert.Equal(new VerdictCounters(0, 0, 0, 0, 0, 1), Sum(stats, 1));
            Assert.Equal(new VerdictCounters(0, 0, 0, 1, 0, 0), Sum(stats, 0));
            Assert.Equal(0ul, Sum(stats, 3).Total);
        }

        private static VerdictCounters Sum(BpfMap stats, uint row)
        {
            VerdictCounters sum = default;
            foreach (VerdictCounters cpu in new PerCpuArrayView<VerdictCounters>(stats).Get(row))
            {
                sum += cpu;
            }

            return sum;
        }

        private static byte[] Frame(string kind)
        {
            byte[] udp = Packets.Ipv4Udp();
            switch (kind)
            {
                case "ipv4-udp":
                    return udp;
                case "ipv4-tcp":
                    udp[23] = 6;
                    return udp;
                case "ipv4-icmp":
                    udp[23] = 1;
                    return udp;
                case "ipv4-gre":
                    udp[23] = 47;
                    return udp;
                case "arp":
                    udp[12] = 0x08;
                    udp[13] = 0x06;
                    return udp;
                case "vlan":
                    udp[12] = 0x81;
                    udp[13] = 0x00;
                    return udp;
                case "ethernet-only-ipv4":
                    return udp.AsSpan(0, 14).ToArray();
                case "ipv4-options-past-end":
                    udp[14] = 0x4f; // IHL 15: 60 bytes of header in a 50-byte IP packet
                    return udp;
                case "ipv4-ihl-4":
                    udp[14] = 0x44;
                    return udp;
                case "ipv4-version-6":
                    udp[14] = 0x65;
                    return udp;
                case "ipv6-udp":
                    return Ipv6(17, 80);
                case "ipv6-icmpv6":
                    return Ipv6(58, 80);
                case "ipv6-fragment-header":
                    return Ipv6(44, 80);
                case "ipv6-truncated":
                    return Ipv6(17, 53);
                default:
                    throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such test frame");
            }
        }

        private static byte[] Ipv6(byte nextHeader, int length)
        {
            var frame = new byte[length];
            Packets.Ipv4Udp().AsSpan(0, 12).CopyTo(frame);
            frame[12] = 0x86;
            frame[13] = 0xdd;
            frame[14] = 0x60;
            frame[20] = nextHeader;
            frame[21] = 64;
            return frame;
        }
    }
}

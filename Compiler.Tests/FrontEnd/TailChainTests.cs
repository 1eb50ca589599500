using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Ebpf.Asm;
using Xunit;

namespace Ebpf.Compiler.Tests.FrontEnd
{
    /// <summary>
    /// The shipped tail chains (Programs/TailChain, the one copy that Ebpf.Programs builds and every test runs) compiled
    /// from their text by the front end in-test: programs, maps, slots, instructions and source lines.
    /// </summary>
    public class TailChainTests
    {
        private static CollectionImage Egress() =>
            DslCompilation.Image("EgressChain", ShippedSource("TailContext.cs"), ShippedSource("EgressChain.cs"));

        private static CollectionImage Xdp() =>
            DslCompilation.Image("XdpChain", ShippedSource("TailContext.cs"), ShippedSource("XdpChain.cs"));

        /// <summary>The text of a file of Programs/TailChain.</summary>
        private static string ShippedSource(string file, [CallerFilePath] string here = "") =>
            File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "Programs", "TailChain", file));

        [Fact]
        public void Egress_chain_compiles_to_three_cgroup_skb_egress_programs_and_two_maps()
        {
            CollectionImage image = Egress();
            Assert.Equal(new[] { "Egress1", "Egress2", "Egress3" }, image.Programs.Select(p => p.Name));
            Assert.All(image.Programs, p =>
            {
                Assert.Equal(ProgramType.CgroupSkb, p.Type);
                Assert.Equal(AttachType.CgroupInetEgress, p.ExpectedAttachType);
                Assert.Equal("GPL", p.License);
            });
            MapDefinition shared = image.Maps.Single(m => m.Name == "TailContextMap");
            Assert.Equal(new MapDefinition("TailContextMap", MapType.PerCpuArray, 4, 2, 1), shared);
            MapDefinition next = image.Maps.Single(m => m.Name == "TailPrograms");
            Assert.Equal((MapType.ProgramArray, 4, 4, 2), (next.Type, next.KeySize, next.ValueSize, next.MaxEntries));
            Assert.Equal(new[] { new ProgramSlot(0, "Egress2"), new ProgramSlot(1, "Egress3") }, next.ProgramSlots);
        }

        [Fact]
        public void Egress1_resets_the_shared_value_sets_11_and_tail_calls_egress2_through_a_loader_filled_slot()
        {
            ProgramImage egress1 = Egress().Programs[0];
            Assert.Equal(
                string.Join("\n",
                    "r6 = r1",
                    "*(u32 *)(r10 - 4) = 0",
                    "r1 = map[TailContextMap] ll",
                    "r2 = r10",
                    "r2 += -4",
                    "call bpf_map_lookup_elem",
                    "if r0 == 0 goto +10",
                    "*(u8 *)(r0 + 0) = 0",
                    "*(u8 *)(r0 + 1) = 0",
                    "*(u8 *)(r0 + 0) = 11",
                    "r1 = r6",
                    "r3 = slot[Egress2]",
                    "r2 = map[TailPrograms] ll",
                    "call bpf_tail_call",
                    "r0 = 0",
                    "exit",
                    "r0 = 1",
                    "exit"),
                DslCompilation.Listing(egress1));
            Assert.Contains(egress1.Relocations, r => r.Kind == RelocationKind.ProgramSlot && r.Symbol == "Egress2");
        }

        [Fact]
        public void Egress3_prints_both_values_then_checks_them_with_narrow_loads_and_32_bit_compares()
        {
            Assert.Equal(
                string.Join("\n",
                    "*(u32 *)(r10 - 36) = 0",
                    "r1 = map[TailContextMap] ll",
                    "r2 = r10",
                    "r2 += -36",
                    "call bpf_map_lookup_elem",
                    "r6 = r0",
                    "if r6 == 0 goto +20",
                    "*(u32 *)(r10 - 32) = 1919378779",
                    "*(u32 *)(r10 - 28) = 863204197",
                    "*(u32 *)(r10 - 24) = 1768300637",
                    "*(u32 *)(r10 - 20) = 1031041906",
                    "*(u32 *)(r10 - 16) = 1931502629",
                    "*(u32 *)(r10 - 12) = 1852793701",
                    "*(u32 *)(r10 - 8) = 1680162148",
                    "*(u32 *)(r10 - 4) = 0",
                    "r3 = *(u8 *)(r6 + 0)",
                    "r4 = *(u8 *)(r6 + 1)",
                    "r1 = r10",
                    "r1 += -32",
                    "r2 = 29",
                    "call bpf_trace_printk",
                    "r1 = *(u8 *)(r6 + 0)",
                    "if w1 == 11 goto +2",
                    "r0 = 0",
                    "exit",
                    "r1 = *(u8 *)(r6 + 1)",
                    "if w1 != 22 goto -4",
                    "r0 = 1",
                    "exit"),
                DslCompilation.Listing(Egress().Programs[2]));
        }

        [Fact]
        public void Integer_semantics_program_compiles_to_a_socket_filter_with_two_maps()
        {
            CollectionImage image = DslCompilation.Image("IntegerSemantics", DslCompilation.Source("Programs/IntegerSemantics.cs"));
            Assert.Equal((ProgramType.SocketFilter, (AttachType?)null), (image.Programs[0].Type, image.Programs[0].ExpectedAttachType));
            Assert.Equal(new[] { new MapDefinition("Inputs", MapType.Array, 4, 8, 2), new MapDefinition("Results", MapType.Array, 4, 8, 16) }, image.Maps);
        }

        [Fact]
        public void The_xdp_twin_compiles_to_xdp_programs_with_the_xdp_attach_type()
        {
            CollectionImage image = Xdp();
            Assert.Equal(new[] { "Xdp1", "Xdp2", "Xdp3" }, image.Programs.Select(p => p.Name));
            Assert.All(image.Programs, p => Assert.Equal((ProgramType.Xdp, (AttachType?)AttachType.Xdp), (p.Type, p.ExpectedAttachType)));
            Assert.Equal(new[] { new ProgramSlot(0, "Xdp2"), new ProgramSlot(1, "Xdp3") }, image.Maps.Single(m => m.Name == "TailPrograms").ProgramSlots);
        }

        [Fact]
        public void Every_instruction_maps_back_to_its_csharp_line()
        {
            ProgramImage egress1 = Egress().Programs[0];
            int store = egress1.Instructions.ToList().FindIndex(i => i.Immediate == 11);
            SourceLocation? location = egress1.LocationOf(store);
            Assert.NotNull(location);
            Assert.Equal("Program1.cs", location!.File);
            Assert.Equal("shared.Value.ValueFrom1 = FirstValue;", location.Text);
            Assert.Equal(35, location.Line);
            Assert.Equal(13, location.Column);
        }
    }
}

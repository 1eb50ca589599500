using System.Linq;
using Ebpf.Asm;
using Xunit;

namespace Ebpf.Compiler.Tests.FrontEnd
{
    public class TailChainTests
    {
        private static CollectionImage Egress() =>
            DslCompilation.Image("EgressChain", DslCompilation.Source("Programs/TailContext.cs"), DslCompilation.Source("Programs/EgressChain.cs"));

        private static CollectionImage Xdp() =>
            DslCompilation.Image("XdpChain", DslCompilation.Source("Programs/TailContext.cs"), DslCompilation.Source("Programs/XdpChain.cs"));

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
            MapDefinition shared = image.Maps.Single(m => m.Name == "Shared");
            Assert.Equal(new MapDefinition("Shared", MapType.PerCpuArray, 4, 2, 1), shared);
            MapDefinition next = image.Maps.Single(m => m.Name == "Next");
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
                    "r1 = map[Shared] ll",
                    "r2 = r10",
                    "r2 += -4",
                    "call bpf_map_lookup_elem",
                    "if r0 == 0 goto +11",
                    "r1 = r0",
                    "*(u8 *)(r1 + 0) = 0",
                    "*(u8 *)(r1 + 1) = 0",
                    "*(u8 *)(r0 + 0) = 11",
                    "r1 = r6",
                    "r3 = slot[Egress2]",
                    "r2 = map[Next] ll",
                    "call bpf_tail_call",
                    "r0 = 0",
                    "exit",
                    "r0 = 1",
                    "exit"),
                DslCompilation.Listing(egress1));
            Assert.Contains(egress1.Relocations, r => r.Kind == RelocationKind.ProgramSlot && r.Symbol == "Egress2");
        }

        [Fact]
        public void Egress3_checks_both_values_with_narrow_loads_and_32_bit_compares()
        {
            Assert.Equal(
                string.Join("\n",
                    "*(u32 *)(r10 - 4) = 0",
                    "r1 = map[Shared] ll",
                    "r2 = r10",
                    "r2 += -4",
                    "call bpf_map_lookup_elem",
                    "if r0 == 0 goto +10",
                    "r1 = r0",
                    "r1 = *(u8 *)(r1 + 0)",
                    "if w1 == 11 goto +3",
                    "r1 = 0",
                    "r0 = r1",
                    "exit",
                    "r2 = *(u8 *)(r0 + 1)",
                    "if w2 != 22 goto -5",
                    "r1 = 1",
                    "goto -6",
                    "r0 = 0",
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
            Assert.Equal(new[] { new ProgramSlot(0, "Xdp2"), new ProgramSlot(1, "Xdp3") }, image.Maps.Single(m => m.Name == "Next").ProgramSlots);
        }

        [Fact]
        public void Every_instruction_maps_back_to_its_csharp_line()
        {
            ProgramImage egress1 = Egress().Programs[0];
            int store = egress1.Instructions.ToList().FindIndex(i => i.Immediate == 11);
            SourceLocation? location = egress1.LocationOf(store);
            Assert.NotNull(location);
            Assert.Equal("Program1.cs", location!.File);
            Assert.Equal("shared.Value.ValueFrom1 = 11;", location.Text);
            Assert.Equal(25, location.Line);
            Assert.Equal(13, location.Column);
        }
    }
}

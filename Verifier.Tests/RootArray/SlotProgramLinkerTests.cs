using System.Linq;
using Ebpf.Asm;
using Ebpf.Loader.Loading;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Programs;
using Ebpf.Loader.RootArray;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.RootArray
{
    /// <summary><see cref="SlotProgramLinker"/>: DSL slot bodies linked behind the assembly root, run with BPF_PROG_TEST_RUN.</summary>
    public sealed class SlotProgramLinkerTests : KernelTest
    {
        [Fact]
        public void The_body_is_inlined_with_its_exits_jumping_to_the_epilogue_and_its_relocations_and_source_map_shifted()
        {
            ProgramImage body = DslSlotPrograms.DropUdpPort(53).Programs.Single();
            ProgramImage linked = SlotProgramLinker.Link(body, 2, 8);
            int spill = ((InlineBodyLinker.StackDepth(body) ?? 512) + 7) / 8 * 8 + 8;
            int epilogue = 1 + body.Instructions.Count;                              // the reload, then the slot epilogue
            int epilogueSlot = 1 + body.SlotCount;

            Assert.Equal((body.Name, ProgramType.Xdp, (AttachType?)AttachType.Xdp), (linked.Name, linked.Type, linked.ExpectedAttachType));
            Assert.Equal(Emit.Store(MemorySize.DoubleWord, Register.R10, (short)-spill, Register.R1), linked.Instructions[0]);
            Assert.Equal(Emit.Load64(Register.R6, Register.R10, (short)-spill), linked.Instructions[epilogue]);
            Assert.DoesNotContain(linked.Instructions, i => i.IsCall && i.Source == Register.R1);    // no BPF_PSEUDO_CALL
            Assert.True(body.Instructions.Count(i => i.IsExit) > 1);
            for (int i = 0; i < body.Instructions.Count; i++)
            {
                Instruction instruction = linked.Instructions[i + 1];
                if (body.Instructions[i].IsExit)
                {
                    Assert.Equal(Emit.Goto(0).OpCode, instruction.OpCode);
                    Assert.Equal(epilogueSlot, SlotOf(linked, i + 1) + 1 + instruction.Offset);
                }
                else
                {
                    Assert.Equal(body.Instructions[i], instruction);
                }

                Assert.Equal(body.LocationOf(i), linked.LocationOf(i + 1));
            }

            Assert.Single(linked.Instructions, i => i.IsExit);
            Assert.Equal(5, linked.Instructions.Skip(epilogue).Count(instruction => instruction.IsCall && instruction.Source == Register.R0 && instruction.Immediate == 12)); // tail calls to 3..7
            Assert.Equal(body.Relocations.Select(r => r with { InstructionIndex = r.InstructionIndex + 1 }), linked.Relocations.Where(r => r.InstructionIndex < epilogue));
            Assert.Contains(linked.Relocations, r => r.InstructionIndex > epilogue && r.Symbol == RootArrayImage.DefaultStatsMapName);
            Assert.Contains(linked.Relocations, r => r.InstructionIndex > epilogue && r.Symbol == RootArrayImage.DefaultSlotsMapName);
            Assert.NotEmpty(body.SourceMap);
            Assert.Null(linked.LocationOf(0));
            Assert.All(Enumerable.Range(epilogue, linked.Instructions.Count - epilogue), i => Assert.Equal(SlotProgramLinker.WrapperFile, linked.LocationOf(i)?.File));
        }

        [Fact]
        public void Dsl_slot_programs_count_their_verdicts_in_their_rows_and_a_pass_goes_on_to_the_next_slot()
        {
            using var pins = new PinDirectory();
            RootArrayImage image = XdpRootAssembly.Build(8);
            using LoadedCollection root = Collection.Load(image.Image);
            root.Map(image.SlotsMapName).Pin(pins[RootArrayImage.DefaultSlotsMapName]);
            root.Map(image.StatsMapName).Pin(pins[RootArrayImage.DefaultStatsMapName]);
            var options = new LoadOptions { PinDirectory = pins.Path };
            using LoadedCollection dropper = Collection.Load(SlotProgramLinker.Link(DslSlotPrograms.DropUdpPort(53), null, 2, 8), options);
            using LoadedCollection passer = Collection.Load(SlotProgramLinker.Link(DslSlotPrograms.Constant("PassAll", 2), null, 5, 8), options);
            using LoadedCollection invalid = Collection.Load(SlotProgramLinker.Link(DslSlotPrograms.Constant("Returns9", 9), "Returns9", 7, 8), options);
            var slots = new ProgramArrayView(root.Map(image.SlotsMapName));
            slots.Set(2, dropper.Program("DropUdp53"));
            slots.Set(5, passer.Program("PassAll"));
            BpfProgram program = root.Program(image.ProgramName);

            Assert.Equal(1u, program.TestRun(Packets.Ipv4Udp()).ReturnValue);    // UDP to 53: slot 2 drops, final
            byte[] tcp = Packets.Ipv4Udp();
            tcp[23] = 6;
            Assert.Equal(2u, program.TestRun(tcp).ReturnValue);                  // slot 2 passes, slot 5 passes, 6 and 7 empty
            slots.Set(7, invalid.Program("Returns9"));
            Assert.Equal(9u, program.TestRun(tcp).ReturnValue);                  // slot 2, slot 5, then slot 7's 9
            byte[] arp = Packets.Ipv4Udp();
            arp[13] = 0x06;
            Assert.Equal(2u, program.TestRun(arp).ReturnValue);                  // the root passes it at once

            BpfMap stats = root.Map(image.StatsMapName);
            Assert.Equal(new VerdictCounters(0, 1, 2, 0, 0, 0), Sum(stats, 2));
            Assert.Equal(new VerdictCounters(0, 0, 2, 0, 0, 0), Sum(stats, 5));
            Assert.Equal(new VerdictCounters(0, 0, 0, 0, 0, 1), Sum(stats, 7));
            Assert.Equal(new VerdictCounters(0, 0, 1, 0, 0, 0), Sum(stats, 8));
            Assert.Equal(0ul, Sum(stats, 0).Total + Sum(stats, 3).Total + Sum(stats, 6).Total);
            Assert.Equal(3ul, new ArrayView<ulong>(dropper.Map(DslSlotPrograms.SeenMapName))[0]);
            Assert.True(System.IO.File.Exists(pins[DslSlotPrograms.SeenMapName]));  // the body's map is pinned by name
        }

        [Fact]
        public void A_verifier_error_in_the_body_points_at_the_body_source_line()
        {
            ProgramImage body = Assembler.Assemble("    r0 = 2\n    r0 += r5\n    exit\n", "bad_body", ProgramType.Xdp, "bad_body.s") with { DefaultSlot = 0 };
            using var pins = new PinDirectory();
            var options = new LoadOptions { PinDirectory = pins.Path };

            var error = Assert.Throws<VerifierException>(() => Collection.Load(SlotProgramLinker.Link(new CollectionImage(System.Array.Empty<MapDefinition>(), new[] { body }), null, 0, 4), options));

            Assert.Contains("R5 !read_ok", error.Summary);
            Assert.Equal(("bad_body.s", 2), (error.Location?.File, error.Location?.Line ?? 0));
        }

        [Fact]
        public void Linking_refuses_programs_that_are_not_slot_programs_and_slots_out_of_range()
        {
            CollectionImage plain = new(System.Array.Empty<MapDefinition>(), new[] { Assembler.Assemble("r0 = 2\nexit\n", "plain", ProgramType.Xdp) });
            CollectionImage slot = DslSlotPrograms.Constant("PassAll", 2);

            Assert.Contains("not a slot program", Assert.Throws<System.ArgumentException>(() => SlotProgramLinker.Link(plain, "plain", 0, 8)).Message);
            Assert.Contains("no slot program", Assert.Throws<System.ArgumentException>(() => SlotProgramLinker.Link(plain, null, 0, 8)).Message);
            Assert.Contains("no program 'Other'", Assert.Throws<System.ArgumentException>(() => SlotProgramLinker.Link(slot, "Other", 0, 8)).Message);
            Assert.Throws<System.ArgumentOutOfRangeException>(() => SlotProgramLinker.Link(slot, null, 8, 8));
        }

        private static int SlotOf(ProgramImage program, int index) => program.Instructions.Take(index).Sum(instruction => instruction.Slots);

        private static VerdictCounters Sum(BpfMap stats, uint row)
        {
            VerdictCounters sum = default;
            foreach (VerdictCounters cpu in new PerCpuArrayView<VerdictCounters>(stats).Get(row))
            {
                sum += cpu;
            }

            return sum;
        }
    }
}

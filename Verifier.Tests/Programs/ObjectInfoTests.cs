using System;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Programs;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Programs
{
    public sealed class ObjectInfoTests : KernelTest
    {
        private const string CountPackets = @"
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r2 = r10
    r2 += -4
    r1 = map[counter] ll
    call 1
    if r0 == 0 goto done
    r1 = 1
    lock *(u64 *)(r0 + 0) += r1
done:
    r0 = 2
    exit
";

        [Fact]
        public void Program_info_reports_name_type_maps_and_a_recent_load_time()
        {
            using BpfMap counter = BpfMap.Create(new MapDefinition("counter", MapType.Array, 4, 8, 1));
            using BpfProgram program = LoadCounter(counter);

            ProgramInfo info = program.Info();

            Assert.Equal("count_packets", info.Name);
            Assert.Equal(ProgramType.Xdp, info.Type);
            Assert.Matches("^[0-9a-f]{16}$", info.Tag);
            Assert.Equal(new[] { counter.Id }, info.MapIds);
            Assert.InRange(info.LoadTime, DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow.AddSeconds(5));
            Assert.True(info.VerifiedInstructions > 0);
            Assert.True(info.TranslatedSize > 0);
            Assert.True(info.GplCompatible);
        }

        [Fact]
        public void Translated_instructions_hold_the_map_address_not_the_fd()
        {
            using BpfMap counter = BpfMap.Create(new MapDefinition("counter", MapType.Array, 4, 8, 1));
            using BpfProgram program = LoadCounter(counter);

            var instructions = program.TranslatedInstructions();

            Assert.Equal(program.Info().TranslatedSize, instructions.Sum(i => i.Slots) * Instruction.SlotSize);
            Assert.Contains(instructions, i => i.IsWide);
        }

        [Fact]
        public void Kernel_objects_lists_this_process_programs_and_maps()
        {
            using BpfMap counter = BpfMap.Create(new MapDefinition("counter", MapType.Array, 4, 8, 1));
            using BpfProgram program = LoadCounter(counter);
            uint programId = program.Id;

            var programs = KernelObjects.Programs();
            var maps = KernelObjects.Maps();

            Assert.Contains(programs, p => p.Id == programId && p.Name == "count_packets");
            Assert.Contains(maps, m => m.Id == counter.Id && m.Name == "counter" && m.Type == MapType.Array);
            Assert.Equal(programs.Select(p => p.Id).Distinct().Count(), programs.Count);
        }

        [Fact]
        public void A_program_reopened_by_id_runs_like_the_original()
        {
            using BpfMap counter = BpfMap.Create(new MapDefinition("counter", MapType.Array, 4, 8, 1));
            using BpfProgram program = LoadCounter(counter);

            using BpfProgram again = BpfProgram.OpenById(program.Id);
            again.TestRun(Packets.Ipv4Udp(), repeat: 5);
            program.TestRun(Packets.Ipv4Udp(), repeat: 2);

            Assert.Equal("count_packets", again.Name);
            Assert.Equal(7ul, new ArrayView<ulong>(counter)[0]);
        }

        private static BpfProgram LoadCounter(BpfMap counter)
        {
            ProgramImage image = AsmPrograms.FromText(CountPackets, "count_packets", ProgramType.Xdp);
            var fixedUp = image.Instructions.ToList();
            Relocation relocation = Assert.Single(image.Relocations);
            fixedUp[relocation.InstructionIndex] = fixedUp[relocation.InstructionIndex]
                .WithSource((Register)PseudoSource.MapFd)
                .WithConstant(counter.Fd.Value);
            return BpfProgram.Load(image with { Instructions = fixedUp, Relocations = Array.Empty<Relocation>() });
        }
    }
}

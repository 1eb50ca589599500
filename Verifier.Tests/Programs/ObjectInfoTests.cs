using System;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Loader.Loading;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Programs;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Programs
{
    public sealed class ObjectInfoTests : KernelTest
    {
        [Fact]
        public void Program_info_reports_name_type_maps_and_a_recent_load_time()
        {
            using LoadedCollection loaded = LoadCounter();
            BpfProgram program = loaded.Program("count_hits");
            BpfMap counter = loaded.Map("hits");

            ProgramInfo info = program.Info();

            Assert.Equal("count_hits", info.Name);
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
            using LoadedCollection loaded = LoadCounter();
            BpfProgram program = loaded.Program("count_hits");

            var instructions = program.TranslatedInstructions();

            Assert.Equal(program.Info().TranslatedSize, instructions.Sum(i => i.Slots) * Instruction.SlotSize);
            Assert.Contains(instructions, i => i.IsWide);
        }

        [Fact]
        public void Kernel_objects_lists_this_process_programs_and_maps()
        {
            using LoadedCollection loaded = LoadCounter();
            BpfProgram program = loaded.Program("count_hits");
            BpfMap counter = loaded.Map("hits");
            uint programId = program.Id;

            var programs = KernelObjects.Programs();
            var maps = KernelObjects.Maps();

            Assert.Contains(programs, p => p.Id == programId && p.Name == "count_hits");
            Assert.Contains(maps, m => m.Id == counter.Id && m.Name == "hits" && m.Type == MapType.Array);
            Assert.Equal(programs.Select(p => p.Id).Distinct().Count(), programs.Count);
        }

        [Fact]
        public void A_program_reopened_by_id_runs_like_the_original()
        {
            using LoadedCollection loaded = LoadCounter();
            BpfProgram program = loaded.Program("count_hits");
            BpfMap counter = loaded.Map("hits");

            using BpfProgram again = BpfProgram.OpenById(program.Id);
            again.TestRun(Packets.Ipv4Udp(), repeat: 5);
            program.TestRun(Packets.Ipv4Udp(), repeat: 2);

            Assert.Equal("count_hits", again.Name);
            Assert.Equal(7ul, new ArrayView<ulong>(counter)[0]);
        }

        private static LoadedCollection LoadCounter() => Collection.Load(new CollectionImage(
            new[] { new MapDefinition("hits", MapType.Array, 4, 8, 1) },
            new[] { AsmPrograms.FromResource("count_hits", ProgramType.Xdp) }));
    }
}

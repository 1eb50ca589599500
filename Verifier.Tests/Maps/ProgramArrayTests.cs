using Ebpf.Asm;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Programs;
using Ebpf.Loader.Sys;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Maps
{
    public sealed class ProgramArrayTests : KernelTest
    {
        [Fact]
        public void Slots_hold_program_ids_and_clear_again()
        {
            using BpfMap map = BpfMap.Create(new MapDefinition("slots", MapType.ProgramArray, 4, 4, 3));
            using BpfProgram program = Load("slot_prog", AttachType.Xdp);
            var slots = new ProgramArrayView(map);

            slots.Set(2, program);

            Assert.Equal(program.Id, slots.ProgramId(2));
            Assert.Null(slots.ProgramId(0));
            Assert.True(slots.Clear(2));
            Assert.False(slots.Clear(2));
            Assert.Throws<System.ArgumentOutOfRangeException>(() => slots.Set(3, program));
        }

        [Fact]
        public void Programs_with_different_expected_attach_types_cannot_share_an_array()
        {
            using BpfMap map = BpfMap.Create(new MapDefinition("slots", MapType.ProgramArray, 4, 4, 2));
            using BpfProgram withXdp = Load("with_attach", AttachType.Xdp);
            using BpfProgram without = Load("without_attach", null);
            var slots = new ProgramArrayView(map);
            slots.Set(0, withXdp);

            BpfException error = Assert.Throws<BpfException>(() => slots.Set(1, without));

            Assert.Equal(Errno.EINVAL, error.Errno);
            Assert.Contains("expected_attach_type differs", error.Message);
        }

        private static BpfProgram Load(string name, AttachType? attach) =>
            BpfProgram.Load(AsmPrograms.FromText("r0 = 2\nexit\n", name, ProgramType.Xdp, attach));
    }
}

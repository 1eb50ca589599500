using System.Linq;
using System.Text;
using Ebpf.Asm;
using Ebpf.Loader.Programs;
using Ebpf.Loader.Sys;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Programs
{
    public sealed class VerifierLogTests : KernelTest
    {
        [Fact]
        public void A_rejection_carries_the_log_the_failing_instruction_and_its_source_line()
        {
            ProgramImage image = AsmPrograms.FromText("r0 = 0\nr0 += 1\nr0 = *(u32 *)(r2 + 0)\nexit\n", "reads_r2", ProgramType.Xdp);

            VerifierException error = Assert.Throws<VerifierException>(() => BpfProgram.Load(image));

            Assert.Equal(Errno.EACCES, error.Errno);
            Assert.Equal("R2 !read_ok", error.Summary);
            Assert.Equal(2, error.FailingSlot);
            Assert.Equal(2, error.InstructionIndex);
            Assert.Equal(3, error.Location?.Line);
            Assert.Contains("reads_r2.s:3", error.Message);
            Assert.Contains("r0 = *(u32 *)(r2 + 0)", error.Message);
            Assert.Contains("R2 !read_ok", error.Log.Text);
        }

        [Fact]
        public void The_failing_slot_maps_to_the_instruction_index_past_a_wide_load()
        {
            ProgramImage image = AsmPrograms.FromText("r1 = 0x100000000 ll\nr0 = r1\nr0 = *(u8 *)(r3 + 0)\nexit\n", "wide_then_bad", ProgramType.Xdp);

            VerifierException error = Assert.Throws<VerifierException>(() => BpfProgram.Load(image));

            Assert.Equal(3, error.FailingSlot);
            Assert.Equal(2, error.InstructionIndex);
            Assert.Equal(3, error.Location?.Line);
        }

        [Fact]
        public void A_log_larger_than_the_first_buffer_grows_until_it_fits()
        {
            var source = new StringBuilder("r0 = 0\n");
            for (int i = 0; i < 3000; i++)
            {
                source.Append("r0 += 1\n");
            }

            source.Append("r0 = *(u32 *)(r4 + 0)\nexit\n");
            ProgramImage image = AsmPrograms.FromText(source.ToString(), "long_rejected", ProgramType.Xdp);
            var options = new ProgramLoadOptions { InitialLogSize = 4096 };

            VerifierException error = Assert.Throws<VerifierException>(() => BpfProgram.Load(image, options));

            Assert.True(error.LogBufferSize > 4096, $"the log buffer stayed at {error.LogBufferSize} bytes");
            Assert.True(error.Log.Text.Length > 4096, $"the log has {error.Log.Text.Length} bytes");
            Assert.Contains(error.Log.Lines, line => line.StartsWith("0: (b7) r0 = 0", System.StringComparison.Ordinal));
            Assert.Equal("R4 !read_ok", error.Summary);
            Assert.Equal(3001, error.FailingSlot);
        }

        [Fact]
        public void A_requested_level_2_log_of_an_accepted_program_grows_too()
        {
            ProgramImage image = AsmPrograms.FromText("r0 = 2\nr1 = 3\nr0 += r1\nr0 -= 3\nexit\n", "logged_ok", ProgramType.Xdp);
            var options = new ProgramLoadOptions { LogLevel = 2, InitialLogSize = 64 };

            using BpfProgram program = BpfProgram.Load(image, options);

            Assert.NotNull(program.VerifierLog);
            Assert.True(program.LogBufferSize > 64);
            Assert.Contains(program.VerifierLog!.Lines, line => line.StartsWith("processed 5 insns", System.StringComparison.Ordinal));
        }
    }
}

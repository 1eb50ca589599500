using System.Collections.Generic;
using Ebpf.Asm;
using Ebpf.Loader.Cli;
using Xunit;

namespace Ebpf.Verifier.Tests.CliPaths
{
    /// <summary>How <c>prog dump</c> pairs kernel instructions with image instructions (no kernel needed).</summary>
    public sealed class TranslatedCodeAlignmentTests
    {
        private static IReadOnlyList<Instruction> Code(string text) => Assembler.Assemble(text, "t", ProgramType.Xdp).Instructions;

        [Fact]
        public void An_inlined_helper_call_maps_to_the_call_and_later_instructions_keep_their_own_lines_despite_moved_jumps()
        {
            var image = new ProgramImage("t", ProgramType.Xdp, Code("r6 = r1\ncall 1\nif r0 == 0 goto +1\nr0 = 2\nexit\n"));
            IReadOnlyList<Instruction> kernel = Code("r6 = r1\nr1 += 312\nr0 = *(u32 *)(r2 + 0)\nr0 <<= 3\nif r0 == 0 goto +4\nr0 = 2\nexit\n");

            Assert.Equal(new[] { 0, 1, 1, 1, 2, 3, 4 }, TranslatedCodeAlignment.Align(kernel, image));
        }

        [Fact]
        public void Map_loads_match_whatever_the_kernel_put_in_their_immediate_and_identical_code_aligns_one_to_one()
        {
            IReadOnlyList<Instruction> code = Code("r1 = 0 ll\nr0 = 1\nexit\n");
            var image = new ProgramImage("t", ProgramType.Xdp, code);
            var kernel = new List<Instruction>(code);
            kernel[0] = new Instruction(Instruction.LoadImmediate64OpCode, Register.R1, (Register)1, 0, 3434);
            var imageWithMap = image with { Instructions = new List<Instruction>(kernel) { [0] = new Instruction(Instruction.LoadImmediate64OpCode, Register.R1, (Register)1, 0, 0) } };

            Assert.Equal(new[] { 0, 1, 2 }, TranslatedCodeAlignment.Align(code, image));
            Assert.Equal(new[] { 0, 1, 2 }, TranslatedCodeAlignment.Align(kernel, imageWithMap));
        }

        [Fact]
        public void Kernel_code_past_the_image_or_before_any_match_points_at_the_nearest_image_instruction()
        {
            var image = new ProgramImage("t", ProgramType.Xdp, Code("r0 = 2\nexit\n"));
            IReadOnlyList<Instruction> kernel = Code("r5 = 7\nr0 = 2\nexit\nr9 = 1\n");

            Assert.Equal(new[] { 0, 0, 1, 1 }, TranslatedCodeAlignment.Align(kernel, image));
        }
    }
}

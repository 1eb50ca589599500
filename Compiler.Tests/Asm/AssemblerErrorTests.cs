using Ebpf.Asm;
using Xunit;

namespace Ebpf.Compiler.Tests.Asm
{
    /// <summary>Errors carry the right file, line and column, and all of them are reported together.</summary>
    public sealed class AssemblerErrorTests
    {
        private static AssemblyException Fails(string source) =>
            Assert.Throws<AssemblyException>(() => Assembler.Assemble(source, "p", ProgramType.Xdp, "prog.s"));

        [Fact]
        public void Unknown_register_is_reported_at_its_column()
        {
            AssemblyException error = Fails("r0 = 0\nr1 = 1\nif r1 > r11 goto +1\nexit\n");
            Assert.Equal("prog.s", error.File);
            Assert.Equal(3, error.Line);
            Assert.Equal(9, error.Column);
            Assert.Equal("prog.s:3:9: error: unknown register 'r11'", error.Message);
        }

        [Theory]
        [InlineData("r11 = 1", 1, "unknown register 'r11'")]
        [InlineData("  r0 = r12", 8, "unknown register 'r12'")]
        [InlineData("r1 += w2", 7, "expected a 64-bit register (r0-r10), found 'w2'")]
        [InlineData("w1 = 0x100000000", 6, "immediate 4294967296 does not fit in 32 bits")]
        [InlineData("frob r1", 1, "unknown instruction 'frob'")]
        [InlineData("goto +40000", 6, "offset 40000 does not fit in 16 bits")]
        [InlineData("r1 = @", 6, "unexpected character '@'")]
        [InlineData("r1 = *(u64 *)(r2 + 4", 21, "expected ')', found end of line")]
        [InlineData("r1 = *(u24 *)(r2 + 4)", 8, "expected u8, u16, u32, u64, s8, s16 or s32, found 'u24'")]
        [InlineData("w1 = *(u64 *)(r2 + 4)", 1, "an 8-byte load needs a 64-bit register (r0-r10), found 'w1'")]
        [InlineData("r1 = be16 r2", 11, "this instruction needs the same register on both sides, 'r1'")]
        [InlineData("exit r0", 6, "unexpected 'r0' after the instruction")]
        [InlineData("if r1 ~ r2 goto +1", 7, "unexpected character '~'")]
        [InlineData("r2 = cmpxchg_64(r1 + 0, r0, r3)", 1, "cmpxchg always writes r0")]
        [InlineData("r1 = map[events]", 17, "expected 'll', found end of line")]
        public void Error_positions(string line, int column, string message)
        {
            AssemblyException error = Fails("r0 = 0\n" + line + "\nexit");
            AssemblyError only = Assert.Single(error.Errors);
            Assert.Equal(2, only.Line);
            Assert.Equal(column, only.Column);
            Assert.Equal(message, only.Message);
        }

        [Fact]
        public void Undefined_label_points_at_the_reference()
        {
            AssemblyException error = Fails("r0 = 0\n  if r0 == 0 goto nowhere\nexit");
            Assert.Equal((2, 19), (error.Line, error.Column));
            Assert.Equal("undefined label 'nowhere'", error.Errors[0].Message);
        }

        [Fact]
        public void Label_defined_twice_is_an_error()
        {
            AssemblyException error = Fails("a:\nr0 = 0\na: exit");
            Assert.Equal((3, 1), (error.Line, error.Column));
            Assert.Equal("label 'a' is defined twice", error.Errors[0].Message);
        }

        [Fact]
        public void All_errors_are_reported_in_source_order()
        {
            AssemblyException error = Fails("r0 = r11\nr1 = 1 ; fine\nw2 += r3\ngoto missing\nexit\nr1 = 1 2\n");
            Assert.Equal(4, error.Errors.Count);
            Assert.Equal(new[] { 1, 3, 4, 6 }, System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(error.Errors, e => e.Line)));
            Assert.Equal(
                "prog.s:1:6: error: unknown register 'r11'\n" +
                "prog.s:3:7: error: expected a 32-bit register (w0-w10), found 'r3'\n" +
                "prog.s:4:6: error: undefined label 'missing'\n" +
                "prog.s:6:8: error: unexpected '2' after the instruction",
                error.Message);
            Assert.IsAssignableFrom<System.FormatException>(error);
        }

        [Fact]
        public void Comments_and_blank_lines_do_not_shift_positions()
        {
            AssemblyException error = Fails("; header\n# more\n// and more\n\n   r0 = r99 # trailing\n");
            Assert.Equal((5, 9), (error.Line, error.Column));
        }
    }
}

using System;
using CsCheck;
using Ebpf.Asm;
using Xunit;

namespace Ebpf.Compiler.Tests.Asm
{
    /// <summary>Any text either assembles or fails with an <see cref="AssemblyException"/> that points inside it.</summary>
    public sealed class AssemblerRobustnessTests
    {
        private static readonly string[] Vocabulary =
        {
            "r0", "r1", "r10", "w2", "r11", "w99", "=", "+=", "-=", "s", ">>=", "/=", "%=", "<<=", "==", "!=", "<", "<=", ">", ">=",
            "&", "|=", "^=", "&=", "*", "(", ")", "[", "]", ",", ":", "+", "-", "0", "1", "-1", "0x7fffffff", "0xffffffffffffffff",
            "99999999999999999999999", "08", "0b2", "if", "goto", "gotol", "may_goto", "call", "callx", "exit", "lock", "ll",
            "u8", "u16", "u32", "u64", "s8", "s16", "s32", "skb", "be16", "le64", "bswap32", "atomic_fetch_add", "xchg_64",
            "cmpxchg32_32", "addr_space_cast", "map", "map_value", "slot", "pc", "kfunc", "ld_pseudo", ".quad", ".text",
            "label", "label:", "other:", ";", "#", "//", "@", "~", "\t", " ",
        };

        [Fact]
        public void Token_soup_assembles_or_reports_positions_inside_the_text()
        {
            Gen<string> line = Gen.OneOfConst(Vocabulary).Array[0, 12].Select(words => string.Join(" ", words));
            line.Array[1, 6].Sample(lines =>
            {
                string source = string.Join("\n", lines);
                try
                {
                    Assembler.Assemble(source, "p", ProgramType.Xdp, "soup.s");
                    return true;
                }
                catch (AssemblyException error)
                {
                    foreach (AssemblyError e in error.Errors)
                    {
                        if (e.Line < 1 || e.Line > lines.Length || e.Column < 1 || e.Column > lines[e.Line - 1].Length + 1 || e.Message.Length == 0)
                        {
                            return false;
                        }
                    }

                    return true;
                }
            }, iter: 20000, print: lines => string.Join("\\n", lines));
        }

        [Fact]
        public void Well_formed_lines_mixed_with_soup_keep_their_encoding()
        {
            ProgramImage image = Assembler.Assemble("  label: r0 = 1 // one\n\n# two\nother: exit ; three\n", "p", ProgramType.Xdp);
            Assert.Equal(new[] { Emit.Mov64(Register.R0, 1), Emit.Exit() }, image.Instructions);
            Assert.Equal(1, image.SourceMap[0].Location.Line);
            Assert.Equal(10, image.SourceMap[0].Location.Column);
            Assert.Equal(4, image.SourceMap[1].Location.Line);
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Ebpf.Asm;
using Xunit;

namespace Ebpf.Compiler.Tests.Asm
{
    /// <summary>Code clang-19 generates (Corpus/clang_xdp.c): our disassembly matches llvm-objdump and reassembles to the same bytes.</summary>
    public sealed class ClangObjectTests
    {
        private const string Clang = "clang-19";

        [Theory]
        [InlineData("v1")]
        [InlineData("v3")]
        [InlineData("v4")]
        public void Clang_output_disassembles_like_llvm_objdump_and_round_trips(string cpu)
        {
            LlvmTools.Require(Clang);
            using var directory = new TemporaryDirectory();
            string objectPath = directory.File("prog.o");
            LlvmTools.Run(Clang, "-O2", "-target", "bpf", "-mcpu=" + cpu, "-I/usr/include/x86_64-linux-gnu", "-c",
                Path.Combine(AppContext.BaseDirectory, "Corpus", "clang_xdp.c"), "-o", objectPath);
            byte[] elf = File.ReadAllBytes(objectPath);
            int checkedInstructions = 0;
            foreach (string section in new[] { "xdp", ".text" })
            {
                ProgramImage image = ProgramImage.Decode(section, ProgramType.Xdp, ElfSections.Read(elf, section));
                Dictionary<int, string> theirs = LlvmTools.Disassemble(objectPath, mcpuV4: false, hex: false, section);
                var mismatches = new StringBuilder();
                int slot = 0;
                foreach (Instruction instruction in image.Instructions)
                {
                    string ours = Disassembler.Format(instruction);
                    if (ours != theirs[slot] && !AssemblerCorpusTests.KnownDifference(instruction, false, ours, theirs[slot], hex: false))
                    {
                        mismatches.AppendLine($"{section} slot {slot}: ours '{ours}', llvm-objdump '{theirs[slot]}'");
                    }

                    slot += instruction.Slots;
                }

                Assert.True(mismatches.Length == 0, mismatches.ToString());
                string text = Disassembler.List(image, new DisassemblyOptions { ShowSlots = false });
                Assert.Equal(image.Encode(), Assembler.Assemble(text, section, ProgramType.Xdp).Encode());
                checkedInstructions += image.Instructions.Count;
            }

            Assert.True(checkedInstructions > 40, $"only {checkedInstructions} instructions");
        }
    }
}

using System;
using System.IO;
using System.Linq;
using Ebpf.Asm;
using Xunit;

namespace Ebpf.Compiler.Tests.Asm
{
    /// <summary>Corpus/extensions.s: the syntax beyond llvm-mc, checked by the instructions and relocations it yields.</summary>
    public sealed class AssemblerExtensionTests
    {
        private static ProgramImage Assemble() =>
            Assembler.Assemble(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpus", "extensions.s")), "ext", ProgramType.Xdp, "extensions.s");

        [Fact]
        public void Symbolic_references_become_relocations()
        {
            ProgramImage image = Assemble();
            Assert.Equal(
                new[]
                {
                    new Relocation(0, RelocationKind.MapFd, "events"),
                    new Relocation(1, RelocationKind.MapValue, "config", 8),
                    new Relocation(2, RelocationKind.MapValue, "config", 0),
                    new Relocation(3, RelocationKind.MapFd, "counters"),
                    new Relocation(4, RelocationKind.ProgramSlot, "next_stage"),
                    new Relocation(5, RelocationKind.ProgramSlot, "other_stage"),
                    new Relocation(11, RelocationKind.MapValue, "config", -4),
                },
                image.Relocations);
        }

        [Fact]
        public void Instructions_carry_the_pseudo_sources_the_kernel_expects()
        {
            var i = Assemble().Instructions;
            Assert.Equal(Emit.LoadMapFd(Register.R1, 0), i[0]);
            Assert.Equal(Emit.LoadMapValue(Register.R2, 0, 8), i[1]);
            Assert.Equal(Emit.LoadMapValue(Register.R3, 0, 0), i[2]);
            Assert.Equal(Emit.LoadMapFd(Register.R4, 0), i[3]);
            Assert.Equal(Emit.Mov64(Register.R5, 0), i[4]);
            Assert.Equal(Emit.Mov32(Register.R6, 0), i[5]);

            // callback is at slot 21; the LD_IMM64 at slots 10-11, and the verifier counts from insn_idx + 1: 21 - 11 = 10.
            Assert.Equal(Emit.LoadFunction(Register.R7, 10), i[6]);
            Assert.Equal(Emit.CallLocal(2), i[7]);
            Assert.Equal(Emit.CallKfunc(12345), i[8]);
            Assert.Equal(Emit.LoadIndirect(MemorySize.Half, Register.R6, 14), i[9]);
            Assert.Equal(Emit.LoadMapValue(Register.R1, 3, 8), i[10]);
            Assert.Equal(Emit.LoadMapValue(Register.R2, 0, -4), i[11]);
            Assert.Equal(Emit.Exit().WithConstant(1), i[12]);
            Assert.Equal(new Instruction(0x95, Register.R0, Register.R0, 0, 1), i[12]);
        }

        [Fact]
        public void Every_instruction_maps_to_its_line()
        {
            ProgramImage image = Assemble();
            Assert.Equal(image.Instructions.Count, image.SourceMap.Count);
            SourceLocation first = image.LocationOf(0)!;
            Assert.Equal(("extensions.s", 5, 5), (first.File, first.Line, first.Column));
            Assert.StartsWith("r1 = map[events] ll", first.Text, StringComparison.Ordinal);
            Assert.Equal(21, image.LocationOf(image.Instructions.Count - 1)!.Line);
        }

        [Fact]
        public void Listing_shows_symbols_and_reassembles_to_the_same_image()
        {
            ProgramImage image = Assemble();
            string listing = Disassembler.List(image, new DisassemblyOptions { ShowSlots = false });
            Assert.Contains("r1 = map[events] ll", listing, StringComparison.Ordinal);
            Assert.Contains("r2 = map_value[config] + 8 ll", listing, StringComparison.Ordinal);
            Assert.Contains("r2 = map_value[config] - 4 ll", listing, StringComparison.Ordinal);
            Assert.Contains("w6 = slot[other_stage]", listing, StringComparison.Ordinal);
            Assert.Contains("; extensions.s:9: r5 = slot[next_stage]", listing, StringComparison.Ordinal);

            ProgramImage again = Assembler.Assemble(listing, "ext", ProgramType.Xdp, "listing.s");
            Assert.Equal(image.Instructions, again.Instructions);
            Assert.Equal(image.Relocations, again.Relocations);
        }

        [Fact]
        public void Listing_numbers_slots_and_shows_bytes()
        {
            ProgramImage image = Assembler.Assemble("r1 = 0x1122334455667788 ll\nr0 = 1\nexit", "p", ProgramType.Xdp, "p.s");
            string listing = Disassembler.List(image, new DisassemblyOptions { ShowRawBytes = true, ShowSource = false });
            string[] lines = listing.TrimEnd('\n').Split('\n');
            Assert.Equal(
                new[]
                {
                    "    0:\t18 01 00 00 88 77 66 55 00 00 00 00 44 33 22 11 \tr1 = 1234605616436508552 ll",
                    "    2:\tb7 00 00 00 01 00 00 00 \tr0 = 1",
                    "    3:\t95 00 00 00 00 00 00 00 \texit",
                },
                lines);
        }

        [Fact]
        public void Listing_interleaves_source_lines_once_per_line()
        {
            ProgramImage image = Assembler.Assemble("r0 = 0\n.quad 0x95, 0x95\n", "p", ProgramType.Xdp, "p.s");
            string listing = Disassembler.List(image);
            Assert.Equal(
                "; p.s:1: r0 = 0\n    0:\tr0 = 0\n; p.s:2: .quad 0x95, 0x95\n    1:\texit\n    2:\texit\n",
                listing);
        }

        [Fact]
        public void Non_canonical_encodings_disassemble_to_raw_quads_that_round_trip()
        {
            var odd = new[]
            {
                new Instruction(0x95, Register.R0, Register.R0, 0, 1),
                new Instruction(0x0f, Register.R1, Register.R2, 3, 0),
                new Instruction(0xff, Register.R1, Register.R2, 0, 0),
                new Instruction(0x18, Register.R1, Register.R0, 5, 7),
            };
            foreach (Instruction instruction in odd)
            {
                string text = Disassembler.Format(instruction);
                Assert.StartsWith(".quad 0x", text, StringComparison.Ordinal);
                Assert.Equal(instruction, Assembler.Assemble(text, "p", ProgramType.Xdp).Instructions.Single());
            }
        }

        [Fact]
        public void Listing_with_labels_names_targets_and_reassembles()
        {
            ProgramImage image = Assemble();
            string listing = Disassembler.List(image, new DisassemblyOptions { ShowSlots = false, ShowLabels = true, ShowSource = false });
            Assert.Contains("r7 = L21 ll\n", listing, StringComparison.Ordinal);
            Assert.Contains("call L15\n", listing, StringComparison.Ordinal);
            Assert.Contains("L21:\nr0 = 0\n", listing, StringComparison.Ordinal);
            ProgramImage again = Assembler.Assemble(listing, "ext", ProgramType.Xdp);
            Assert.Equal(image.Instructions, again.Instructions);
            Assert.Equal(image.Relocations, again.Relocations);

            ProgramImage loop = Assembler.Assemble("r0 = 0\ntop: r0 += 1\nif r0 < 10 goto top\ngotol +0\nexit", "p", ProgramType.Xdp);
            Assert.Equal(
                "    0:\tr0 = 0\nL1:\n    1:\tr0 += 1\n    2:\tif r0 < 10 goto L1\n    3:\tgotol L4\nL4:\n    4:\texit\n",
                Disassembler.List(loop, new DisassemblyOptions { ShowLabels = true, ShowSource = false }));
        }

        [Fact]
        public void Decoder_rejects_bytes_an_instruction_cannot_hold()
        {
            byte[] wide = new byte[16];
            Emit.LoadImm64(Register.R1, 5).Encode(wide);
            Assert.Single(InstructionDecoder.Decode(wide));
            wide[9] = 0x01;
            Assert.Contains("slot 0", Assert.Throws<FormatException>(() => InstructionDecoder.Decode(wide)).Message, StringComparison.Ordinal);
            Assert.Throws<FormatException>(() => InstructionDecoder.Decode(new byte[12]));
            Assert.Throws<FormatException>(() => InstructionDecoder.Decode(wide.AsSpan(0, 8)));
        }

        [Fact]
        public void Labels_resolve_to_slot_offsets_across_wide_loads()
        {
            ProgramImage image = Assembler.Assemble(
                "top: r1 = 1 ll\nif r1 == 0 goto done\ngotol top\ncall sub\ndone: exit\nsub:\nr0 = 0\nexit", "p", ProgramType.Xdp);
            Assert.Equal(Emit.Jeq(Register.R1, 0, 2), image.Instructions[1]);
            Assert.Equal(Emit.GotoLong(-4), image.Instructions[2]);
            Assert.Equal(Emit.CallLocal(1), image.Instructions[3]);
        }
    }
}

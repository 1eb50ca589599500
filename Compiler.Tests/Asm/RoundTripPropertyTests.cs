using System;
using System.Linq;
using System.Text;
using CsCheck;
using Ebpf.Asm;
using Xunit;

namespace Ebpf.Compiler.Tests.Asm
{
    /// <summary>Random valid instructions survive encode/decode and disassemble/assemble, and llvm agrees with our text.</summary>
    public sealed class RoundTripPropertyTests
    {
        [Fact]
        public void Decode_of_encode_is_identity()
        {
            InstructionGenerators.Any.Sample(instruction =>
            {
                var bytes = new byte[instruction.Slots * Instruction.SlotSize];
                instruction.Encode(bytes);
                Instruction decoded = Instruction.Decode(bytes, out int slots);
                return decoded == instruction && slots == instruction.Slots;
            }, iter: 20000);
        }

        [Fact]
        public void Disassemble_then_assemble_gives_the_same_bytes()
        {
            foreach (DisassemblyOptions options in new[] { DisassemblyOptions.Default, DisassemblyOptions.LlvmObjdump })
            {
                InstructionGenerators.Any.Sample(instruction =>
                {
                    string text = Disassembler.Format(instruction, options);
                    ProgramImage image = Assembler.Assemble(text, "p", ProgramType.SocketFilter);
                    return image.Instructions.Count == 1 && image.Instructions[0] == instruction;
                }, iter: 10000, print: i => Disassembler.Format(i, options) + " / " + i);
            }
        }

        [Fact]
        public void Valid_instructions_never_fall_back_to_raw_quads()
        {
            InstructionGenerators.Any.Sample(
                instruction => !Disassembler.Format(instruction).StartsWith(".quad", StringComparison.Ordinal),
                iter: 10000,
                print: i => i.ToString());
        }

        [Fact]
        public void Decoded_program_bytes_round_trip()
        {
            InstructionGenerators.Any.Array[1, 40].Sample(instructions =>
            {
                byte[] bytes = new ProgramImage("p", ProgramType.Xdp, instructions).Encode();
                ProgramImage decoded = ProgramImage.Decode("p", ProgramType.Xdp, bytes);
                return decoded.Instructions.SequenceEqual(instructions) && decoded.Encode().AsSpan().SequenceEqual(bytes);
            }, iter: 2000);
        }

        [Fact]
        public void Random_instructions_match_llvm_objdump_text()
        {
            LlvmTools.Require(LlvmTools.AssemblerTool);
            LlvmTools.Require(LlvmTools.ObjdumpTool);
            Instruction[] instructions = InstructionGenerators.LlvmExpressible.Array[600].Single(_ => true, seed: "0N0XIzNsQ0O2");
            var image = new ProgramImage("random", ProgramType.SocketFilter, instructions);
            var source = new StringBuilder();
            foreach (Instruction instruction in instructions)
            {
                source.AppendLine(Disassembler.RawQuad(instruction));
            }

            using var directory = new TemporaryDirectory();
            string objectPath = LlvmTools.AssembleObject(source.ToString(), directory);
            foreach (var (mcpuV4, hex) in new[] { (true, false), (true, true), (false, false), (false, true) })
            {
                var theirs = LlvmTools.Disassemble(objectPath, mcpuV4, hex);
                var options = new DisassemblyOptions { HexImmediates = hex, SubRegisterMemoryOperands = mcpuV4 };
                var mismatches = new StringBuilder();
                int slot = 0;
                foreach (Instruction instruction in image.Instructions)
                {
                    string ours = Disassembler.Format(instruction, options);
                    if (ours != theirs[slot] && !AssemblerCorpusTests.KnownDifference(instruction, mcpuV4, ours, theirs[slot], hex))
                    {
                        mismatches.AppendLine($"{instruction}: ours '{ours}', llvm-objdump '{theirs[slot]}'");
                    }

                    slot += instruction.Slots;
                }

                Assert.True(mismatches.Length == 0, mismatches.ToString());
            }
        }
    }
}

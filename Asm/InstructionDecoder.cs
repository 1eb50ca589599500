using System;
using System.Collections.Generic;

namespace Ebpf.Asm
{
    /// <summary>Reads raw program bytes (8 per slot, little endian, as the kernel takes them) into instructions.</summary>
    public static class InstructionDecoder
    {
        /// <summary>
        /// Decodes every instruction; LD_IMM64 consumes two slots. Throws <see cref="FormatException"/> when the
        /// length is not a multiple of 8, the last LD_IMM64 lacks its second slot, or a second slot has a non-zero
        /// opcode, registers or offset (the kernel rejects those, and <see cref="Instruction"/> could not keep them).
        /// </summary>
        public static IReadOnlyList<Instruction> Decode(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length % Instruction.SlotSize != 0)
            {
                throw new FormatException($"program bytes must be a multiple of {Instruction.SlotSize}, got {bytes.Length}");
            }

            var instructions = new List<Instruction>(bytes.Length / Instruction.SlotSize);
            int position = 0;
            while (position < bytes.Length)
            {
                Instruction instruction = Instruction.Decode(bytes.Slice(position), out int slots);
                if (slots == 2 && BitConverter.ToInt32(bytes.Slice(position + Instruction.SlotSize, 4).ToArray(), 0) != 0)
                {
                    throw new FormatException($"LD_IMM64 at slot {position / Instruction.SlotSize}: its second slot must have zero opcode, registers and offset");
                }

                instructions.Add(instruction);
                position += slots * Instruction.SlotSize;
            }

            return instructions;
        }
    }
}

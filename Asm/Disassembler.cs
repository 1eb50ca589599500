using System.Globalization;

namespace Ebpf.Asm
{
    /// <summary>
    /// Turns instructions into the text <c>llvm-objdump-19 -d</c> prints for BPF (<c>r0 = 1</c>,
    /// <c>if r1 s&gt; r2 goto +3</c>, <c>*(u32 *)(r10 - 4) = r1</c>), which <see cref="Assembler"/> reads back.
    /// </summary>
    /// <remarks>
    /// Where llvm-objdump's text is ambiguous this prints a form that keeps the bytes:
    /// a BPF-to-BPF call is <c>call pc+N</c> (llvm prints <c>call N</c>, like a helper), a kfunc call is
    /// <c>call kfunc N</c>, an LD_IND with an immediate is <c>skb[r1 + N]</c>, and an encoding no syntax describes
    /// (reserved fields set, unknown opcode) is <c>.quad 0x…</c> with the raw slot(s).
    /// </remarks>
    public static partial class Disassembler
    {
        /// <summary>Formats one instruction with <see cref="DisassemblyOptions.Default"/>.</summary>
        public static string Format(Instruction instruction) => Format(instruction, DisassemblyOptions.Default);

        /// <summary>Formats one instruction.</summary>
        public static string Format(Instruction instruction, DisassemblyOptions options)
        {
            var spelling = new Spelling(options);
            string? text = instruction.Class switch
            {
                InstructionClass.Alu or InstructionClass.Alu64 => FormatAlu(instruction, spelling),
                InstructionClass.Jmp or InstructionClass.Jmp32 => FormatJump(instruction, spelling),
                InstructionClass.Ld => FormatLd(instruction, spelling),
                _ => FormatMemory(instruction, spelling),
            };
            return text ?? RawQuad(instruction);
        }

        /// <summary>The instruction's slots as a <c>.quad</c> directive, which both llvm-mc and <see cref="Assembler"/> read.</summary>
        public static string RawQuad(Instruction instruction)
        {
            var bytes = new byte[instruction.Slots * Instruction.SlotSize];
            instruction.Encode(bytes);
            string text = ".quad 0x" + System.BitConverter.ToUInt64(bytes, 0).ToString("x16", CultureInfo.InvariantCulture);
            if (instruction.IsWide)
            {
                text += ", 0x" + System.BitConverter.ToUInt64(bytes, 8).ToString("x16", CultureInfo.InvariantCulture);
            }

            return text;
        }

        private static bool IsRegister(Register register) => (byte)register <= (byte)Register.R10;

        private static string R(Register register) => "r" + ((byte)register).ToString(CultureInfo.InvariantCulture);

        private static string W(Register register) => "w" + ((byte)register).ToString(CultureInfo.InvariantCulture);

        /// <summary>Number spelling chosen by the options.</summary>
        private readonly struct Spelling
        {
            public Spelling(DisassemblyOptions options)
            {
                Options = options;
            }

            public DisassemblyOptions Options { get; }

            public string Number(long value)
            {
                if (!Options.HexImmediates)
                {
                    return value.ToString(CultureInfo.InvariantCulture);
                }

                return value < 0
                    ? "-0x" + unchecked((ulong)-value).ToString("x", CultureInfo.InvariantCulture)
                    : "0x" + value.ToString("x", CultureInfo.InvariantCulture);
            }

            public string Signed(long value) => value < 0 ? Number(value) : "+" + Number(value);

            public string Address(Register register, short offset) =>
                "(" + R(register) + (offset < 0 ? " - " + Number(-(long)offset) : " + " + Number(offset)) + ")";
        }
    }
}

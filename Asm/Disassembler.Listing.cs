using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Ebpf.Asm
{
    public static partial class Disassembler
    {
        /// <summary>
        /// A listing of the whole program: one line per instruction with its slot number (and raw bytes when asked),
        /// relocated instructions named symbolically (<c>r1 = map[events] ll</c>), and the source line an instruction
        /// came from as a <c>; file:line: text</c> comment whenever it changes.
        /// </summary>
        /// <remarks>With <see cref="DisassemblyOptions.ShowSlots"/> and <see cref="DisassemblyOptions.ShowRawBytes"/> off, the listing is valid <see cref="Assembler"/> input.</remarks>
        public static string List(ProgramImage image, DisassemblyOptions? options = null)
        {
            options ??= DisassemblyOptions.Default;
            var relocations = new Dictionary<int, Relocation>();
            foreach (Relocation relocation in image.Relocations)
            {
                relocations[relocation.InstructionIndex] = relocation;
            }

            var text = new StringBuilder();
            SourceLocation? previous = null;
            int slot = 0;
            var bytes = new byte[2 * Instruction.SlotSize];
            for (int index = 0; index < image.Instructions.Count; index++)
            {
                Instruction instruction = image.Instructions[index];
                if (options.ShowSource)
                {
                    SourceLocation? location = image.LocationOf(index);
                    if (location is not null && (previous is null || location.File != previous.File || location.Line != previous.Line))
                    {
                        text.Append("; ").Append(location.File).Append(':').Append(location.Line.ToString(CultureInfo.InvariantCulture));
                        if (!string.IsNullOrWhiteSpace(location.Text))
                        {
                            text.Append(": ").Append(location.Text!.Trim());
                        }

                        text.Append('\n');
                    }

                    previous = location;
                }

                if (options.ShowSlots)
                {
                    text.Append(slot.ToString(CultureInfo.InvariantCulture).PadLeft(5)).Append(":\t");
                }

                if (options.ShowRawBytes)
                {
                    instruction.Encode(bytes);
                    for (int i = 0; i < instruction.Slots * Instruction.SlotSize; i++)
                    {
                        text.Append(bytes[i].ToString("x2", CultureInfo.InvariantCulture)).Append(' ');
                    }

                    text.Append('\t');
                }

                string? symbolic = options.ShowSymbols && relocations.TryGetValue(index, out Relocation? found)
                    ? FormatRelocated(instruction, found, new Spelling(options))
                    : null;
                text.Append(symbolic ?? Format(instruction, options)).Append('\n');
                slot += instruction.Slots;
            }

            return text.ToString();
        }

        /// <summary>The symbolic spelling of an instruction a relocation points at, or null when the pair does not fit.</summary>
        private static string? FormatRelocated(Instruction instruction, Relocation relocation, Spelling spelling)
        {
            switch (relocation.Kind)
            {
                case RelocationKind.MapFd when instruction.IsWide:
                    return R(instruction.Destination) + " = map[" + relocation.Symbol + "] ll";
                case RelocationKind.MapValue when instruction.IsWide:
                    string addend = relocation.Addend == 0 ? string.Empty
                        : relocation.Addend < 0 ? " - " + spelling.Number(-(long)relocation.Addend)
                        : " + " + spelling.Number(relocation.Addend);
                    return R(instruction.Destination) + " = map_value[" + relocation.Symbol + "]" + addend + " ll";
                case RelocationKind.ProgramSlot when instruction.IsAlu && instruction.AluOperation == AluOperation.Mov && instruction.OperandSource == OperandSource.Constant:
                    return (instruction.Class == InstructionClass.Alu64 ? R(instruction.Destination) : W(instruction.Destination)) + " = slot[" + relocation.Symbol + "]";
                default:
                    return null;
            }
        }
    }
}

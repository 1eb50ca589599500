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

            HashSet<int> labels = options.ShowLabels ? BranchTargets(image) : new HashSet<int>();
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

                if (labels.Contains(slot))
                {
                    text.Append('L').Append(slot.ToString(CultureInfo.InvariantCulture)).Append(":\n");
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
                if (symbolic is null && labels.Count > 0)
                {
                    symbolic = FormatWithLabel(instruction, slot, labels, options);
                }

                text.Append(symbolic ?? Format(instruction, options)).Append('\n');
                slot += instruction.Slots;
            }

            return text.ToString();
        }

        /// <summary>The slot an instruction at <paramref name="slot"/> transfers control (or a function address) to, if any.</summary>
        private static int? TargetOf(Instruction instruction, int slot)
        {
            if (instruction.IsLongJump)
            {
                return slot + 1 + instruction.Immediate;
            }

            if (instruction.IsBranch)
            {
                return slot + 1 + instruction.Offset;
            }

            if (instruction.IsCall && instruction.OperandSource == OperandSource.Constant && instruction.Source == (Register)CallKind.Local)
            {
                return slot + 1 + instruction.Immediate;
            }

            if (instruction.IsWide && instruction.PseudoSource == PseudoSource.Function && (instruction.Constant >> 32) == 0)
            {
                return slot + 1 + instruction.Immediate;
            }

            return null;
        }

        private static HashSet<int> BranchTargets(ProgramImage image)
        {
            var starts = new HashSet<int>();
            var targets = new HashSet<int>();
            int slot = 0;
            foreach (Instruction instruction in image.Instructions)
            {
                starts.Add(slot);
                if (TargetOf(instruction, slot) is int target)
                {
                    targets.Add(target);
                }

                slot += instruction.Slots;
            }

            starts.Add(slot);
            targets.IntersectWith(starts);
            return targets;
        }

        private static string? FormatWithLabel(Instruction instruction, int slot, HashSet<int> labels, DisassemblyOptions options)
        {
            if (TargetOf(instruction, slot) is not int target || !labels.Contains(target) || Format(instruction, options).StartsWith(".quad", System.StringComparison.Ordinal))
            {
                return null;
            }

            string label = "L" + target.ToString(CultureInfo.InvariantCulture);
            if (instruction.IsWide)
            {
                return R(instruction.Destination) + " = " + label + " ll";
            }

            if (instruction.IsCall)
            {
                return "call " + label;
            }

            string text = Format(instruction, options);
            return text.Substring(0, text.LastIndexOf(' ') + 1) + label;
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

namespace Ebpf.Asm
{
    public static partial class Disassembler
    {
        private static string SizeName(MemorySize size) => size switch
        {
            MemorySize.Byte => "u8",
            MemorySize.Half => "u16",
            MemorySize.Word => "u32",
            _ => "u64",
        };

        private static string? FormatMemory(Instruction instruction, Spelling spelling)
        {
            Register dst = instruction.Destination;
            Register src = instruction.Source;
            if (!IsRegister(dst) || !IsRegister(src))
            {
                return null;
            }

            MemorySize size = instruction.MemorySize;
            bool narrow = size != MemorySize.DoubleWord;
            bool subRegister = narrow && spelling.Options.SubRegisterMemoryOperands;
            short offset = instruction.Offset;
            int imm = instruction.Immediate;

            switch (instruction.Class, instruction.MemoryMode)
            {
                case (InstructionClass.Ldx, MemoryMode.Memory):
                    return imm == 0 ? (subRegister ? W(dst) : R(dst)) + " = *(" + SizeName(size) + " *)" + spelling.Address(src, offset) : null;
                case (InstructionClass.Ldx, MemoryMode.MemorySignExtend):
                    return imm == 0 && narrow ? R(dst) + " = *(s" + SizeName(size).Substring(1) + " *)" + spelling.Address(src, offset) : null;
                case (InstructionClass.St, MemoryMode.Memory):
                    return src == Register.R0 ? "*(" + SizeName(size) + " *)" + spelling.Address(dst, offset) + " = " + spelling.Number(imm) : null;
                case (InstructionClass.Stx, MemoryMode.Memory):
                    return imm == 0 ? "*(" + SizeName(size) + " *)" + spelling.Address(dst, offset) + " = " + (subRegister ? W(src) : R(src)) : null;
                case (InstructionClass.Stx, MemoryMode.Atomic) when size == MemorySize.DoubleWord || size == MemorySize.Word:
                    return FormatAtomic(instruction, spelling);
                default:
                    return null;
            }
        }

        private static string? FormatAtomic(Instruction instruction, Spelling spelling)
        {
            bool is64 = instruction.MemorySize == MemorySize.DoubleWord;
            string size = SizeName(instruction.MemorySize);
            string address = spelling.Address(instruction.Destination, instruction.Offset);
            Register src = instruction.Source;
            string s = is64 ? R(src) : W(src);

            // llvm-objdump without --mcpu=v3 prints the 32-bit lock add with an r register; keep that spelling by default.
            string plain = is64 || spelling.Options.SubRegisterMemoryOperands ? s : R(src);
            switch ((AtomicOperation)instruction.Immediate)
            {
                case AtomicOperation.Add:
                    return "lock *(" + size + " *)" + address + " += " + plain;
                case AtomicOperation.Or:
                    return "lock *(" + size + " *)" + address + " |= " + s;
                case AtomicOperation.And:
                    return "lock *(" + size + " *)" + address + " &= " + s;
                case AtomicOperation.Xor:
                    return "lock *(" + size + " *)" + address + " ^= " + s;
                case AtomicOperation.FetchAdd:
                    return s + " = atomic_fetch_add((" + size + " *)" + address + ", " + s + ")";
                case AtomicOperation.FetchOr:
                    return s + " = atomic_fetch_or((" + size + " *)" + address + ", " + s + ")";
                case AtomicOperation.FetchAnd:
                    return s + " = atomic_fetch_and((" + size + " *)" + address + ", " + s + ")";
                case AtomicOperation.FetchXor:
                    return s + " = atomic_fetch_xor((" + size + " *)" + address + ", " + s + ")";
                case AtomicOperation.Exchange:
                    return s + (is64 ? " = xchg_64(" : " = xchg32_32(") + address.Substring(1, address.Length - 2) + ", " + s + ")";
                case AtomicOperation.CompareExchange:
                    return is64
                        ? "r0 = cmpxchg_64(" + address.Substring(1, address.Length - 2) + ", r0, " + s + ")"
                        : "w0 = cmpxchg32_32(" + address.Substring(1, address.Length - 2) + ", w0, " + s + ")";
                default:
                    return null;
            }
        }

        private static string? FormatLd(Instruction instruction, Spelling spelling)
        {
            Register dst = instruction.Destination;
            Register src = instruction.Source;
            if (instruction.IsWide)
            {
                if (!IsRegister(dst) || instruction.Offset != 0)
                {
                    return null;
                }

                return src == Register.R0
                    ? R(dst) + " = " + spelling.Number(instruction.Constant) + " ll"
                    : "ld_pseudo " + R(dst) + ", " + spelling.Number((byte)src) + ", " + spelling.Number(instruction.Constant);
            }

            MemorySize size = instruction.MemorySize;
            if (size == MemorySize.DoubleWord || dst != Register.R0 || instruction.Offset != 0)
            {
                return null;
            }

            string head = "r0 = *(" + SizeName(size) + " *)skb[";
            switch (instruction.MemoryMode)
            {
                case MemoryMode.Absolute when src == Register.R0:
                    return head + spelling.Number(instruction.Immediate) + "]";
                case MemoryMode.Indirect when IsRegister(src):
                    int imm = instruction.Immediate;
                    string extra = imm == 0 ? string.Empty : imm < 0 ? " - " + spelling.Number(-(long)imm) : " + " + spelling.Number(imm);
                    return head + R(src) + extra + "]";
                default:
                    return null;
            }
        }
    }
}

namespace Ebpf.Asm
{
    public static partial class Disassembler
    {
        private static string? FormatAlu(Instruction instruction, Spelling spelling)
        {
            bool is64 = instruction.Class == InstructionClass.Alu64;
            bool byRegister = instruction.OperandSource == OperandSource.Register;
            Register dst = instruction.Destination;
            Register src = instruction.Source;
            if (!IsRegister(dst) || !IsRegister(src))
            {
                return null;
            }

            string d = is64 ? R(dst) : W(dst);
            string s = is64 ? R(src) : W(src);
            AluOperation operation = instruction.AluOperation;
            short offset = instruction.Offset;
            int imm = instruction.Immediate;

            switch (operation)
            {
                case AluOperation.End:
                    return FormatEnd(instruction, is64, byRegister);
                case AluOperation.Neg:
                    return !byRegister && src == Register.R0 && offset == 0 && imm == 0 ? d + " = -" + d : null;
                case AluOperation.Mov when byRegister:
                    if (imm == 0 && offset == 0)
                    {
                        return d + " = " + s;
                    }

                    if (imm == 0 && (offset == 8 || offset == 16 || (offset == 32 && is64)))
                    {
                        return d + " = (s" + offset.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")" + s;
                    }

                    if (is64 && offset == 1)
                    {
                        return d + " = addr_space_cast(" + s + ", " + spelling.Number((imm >> 16) & 0xffff) + ", " + spelling.Number(imm & 0xffff) + ")";
                    }

                    return null;
                case AluOperation.Mov:
                    return src == Register.R0 && offset == 0 ? d + " = " + spelling.Number(imm) : null;
            }

            string? symbol = AluSymbol(operation, offset);
            if (symbol is null)
            {
                return null;
            }

            if (byRegister)
            {
                return imm == 0 ? d + " " + symbol + " " + s : null;
            }

            return src == Register.R0 ? d + " " + symbol + " " + spelling.Number(imm) : null;
        }

        private static string? AluSymbol(AluOperation operation, short offset)
        {
            if (offset == 1 && operation == AluOperation.Div)
            {
                return "s/=";
            }

            if (offset == 1 && operation == AluOperation.Mod)
            {
                return "s%=";
            }

            if (offset != 0)
            {
                return null;
            }

            return operation switch
            {
                AluOperation.Add => "+=",
                AluOperation.Sub => "-=",
                AluOperation.Mul => "*=",
                AluOperation.Div => "/=",
                AluOperation.Or => "|=",
                AluOperation.And => "&=",
                AluOperation.Lsh => "<<=",
                AluOperation.Rsh => ">>=",
                AluOperation.Mod => "%=",
                AluOperation.Xor => "^=",
                AluOperation.Arsh => "s>>=",
                _ => null,
            };
        }

        private static string? FormatEnd(Instruction instruction, bool is64, bool toBigEndian)
        {
            int width = instruction.Immediate;
            if (instruction.Source != Register.R0 || instruction.Offset != 0 || (width != 16 && width != 32 && width != 64))
            {
                return null;
            }

            string name;
            if (is64)
            {
                if (toBigEndian)
                {
                    return null;
                }

                name = "bswap";
            }
            else
            {
                name = toBigEndian ? "be" : "le";
            }

            string d = R(instruction.Destination);
            return d + " = " + name + width.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + d;
        }
    }
}

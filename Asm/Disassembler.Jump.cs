namespace Ebpf.Asm
{
    public static partial class Disassembler
    {
        private static string? FormatJump(Instruction instruction, Spelling spelling)
        {
            bool is64 = instruction.Class == InstructionClass.Jmp;
            bool byRegister = instruction.OperandSource == OperandSource.Register;
            Register dst = instruction.Destination;
            Register src = instruction.Source;
            short offset = instruction.Offset;
            int imm = instruction.Immediate;
            bool noRegisters = dst == Register.R0 && src == Register.R0;

            switch (instruction.JumpOperation)
            {
                case JumpOperation.Ja when byRegister:
                    return null;
                case JumpOperation.Ja when is64:
                    return noRegisters && imm == 0 ? "goto " + spelling.Signed(offset) : null;
                case JumpOperation.Ja:
                    return noRegisters && offset == 0 ? "gotol " + spelling.Signed(imm) : null;
                case JumpOperation.MayGoto:
                    return is64 && !byRegister && noRegisters && imm == 0 ? "may_goto " + spelling.Signed(offset) : null;
                case JumpOperation.Exit:
                    return is64 && !byRegister && noRegisters && offset == 0 && imm == 0 ? "exit" : null;
                case JumpOperation.Call:
                    return is64 ? FormatCall(instruction, spelling, byRegister) : null;
            }

            string? symbol = ConditionSymbol(instruction.JumpOperation);
            if (symbol is null || !IsRegister(dst) || !IsRegister(src))
            {
                return null;
            }

            string d = is64 ? R(dst) : W(dst);
            string target = " goto " + spelling.Signed(offset);
            if (byRegister)
            {
                return imm == 0 ? "if " + d + " " + symbol + " " + (is64 ? R(src) : W(src)) + target : null;
            }

            return src == Register.R0 ? "if " + d + " " + symbol + " " + spelling.Number(imm) + target : null;
        }

        private static string? FormatCall(Instruction instruction, Spelling spelling, bool byRegister)
        {
            if (instruction.Offset != 0)
            {
                return null;
            }

            if (byRegister)
            {
                return instruction.Source == Register.R0 && instruction.Immediate == 0 && IsRegister(instruction.Destination)
                    ? "callx " + R(instruction.Destination)
                    : null;
            }

            if (instruction.Destination != Register.R0)
            {
                return null;
            }

            return (CallKind)instruction.Source switch
            {
                CallKind.Helper => "call " + ((spelling.Options.HelperNames ? HelperFunctionNames.NameOf(instruction.Immediate) : null) ?? spelling.Number(instruction.Immediate)),
                CallKind.Local => "call pc" + spelling.Signed(instruction.Immediate),
                CallKind.Kfunc => "call kfunc " + spelling.Number(instruction.Immediate),
                _ => null,
            };
        }

        private static string? ConditionSymbol(JumpOperation operation) => operation switch
        {
            JumpOperation.Jeq => "==",
            JumpOperation.Jgt => ">",
            JumpOperation.Jge => ">=",
            JumpOperation.Jset => "&",
            JumpOperation.Jne => "!=",
            JumpOperation.Jsgt => "s>",
            JumpOperation.Jsge => "s>=",
            JumpOperation.Jlt => "<",
            JumpOperation.Jle => "<=",
            JumpOperation.Jslt => "s<",
            JumpOperation.Jsle => "s<=",
            _ => null,
        };
    }
}

using System.Collections.Generic;

namespace Ebpf.Asm
{
    /// <summary>
    /// Parses one statement (the tokens of one line after its labels) into instructions, in the syntax
    /// <c>llvm-mc -triple bpfel</c> accepts plus this project's extensions. Errors throw <see cref="AsmSyntaxException"/>.
    /// </summary>
    internal sealed partial class StatementParser
    {
        private readonly List<AsmToken> tokens;
        private int position;

        public StatementParser(List<AsmToken> tokens, int start)
        {
            this.tokens = tokens;
            position = start;
        }

        private AsmToken Peek => tokens[position];

        private AsmToken PeekAt(int ahead) => tokens[System.Math.Min(position + ahead, tokens.Count - 1)];

        private AsmToken Next()
        {
            AsmToken token = tokens[position];
            if (token.Kind != AsmTokenKind.End)
            {
                position++;
            }

            return token;
        }

        /// <summary>Parses the whole statement; the result has one instruction, or several for <c>.quad</c>.</summary>
        public void Parse(List<ParsedStatement> output)
        {
            AsmToken first = Peek;
            if (first.Kind == AsmTokenKind.Punctuation && first.Text == "*")
            {
                output.Add(ParseStore());
            }
            else if (first.Kind != AsmTokenKind.Identifier)
            {
                throw Error(first, "expected an instruction, found " + first.Describe());
            }
            else if (first.Text.StartsWith(".", System.StringComparison.Ordinal) && !IsRegisterName(first.Text))
            {
                ParseDirective(output);
                return;
            }
            else
            {
                output.Add(ParseInstruction(first));
            }

            ExpectEnd();
        }

        private ParsedStatement ParseInstruction(AsmToken first)
        {
            switch (first.Text.ToLowerInvariant())
            {
                case "if":
                    Next();
                    return ParseConditionalJump();
                case "goto":
                    Next();
                    return JumpTo(Emit.Goto(0), sixteenBit: true);
                case "gotol":
                    Next();
                    return JumpTo(Emit.GotoLong(0), sixteenBit: false);
                case "may_goto":
                    Next();
                    return JumpTo(Emit.MayGoto(0), sixteenBit: true);
                case "exit":
                    Next();
                    return new ParsedStatement(Emit.Exit());
                case "call":
                    Next();
                    return ParseCall();
                case "callx":
                    Next();
                    return new ParsedStatement(Emit.CallRegister(ExpectRegister(wide: true).Register));
                case "lock":
                    Next();
                    return ParseLock();
                case "ld_pseudo":
                    Next();
                    return ParseLdPseudo();
            }

            if (IsRegisterLike(first))
            {
                return ParseRegisterStatement();
            }

            throw Error(first, "unknown instruction '" + first.Text + "'");
        }

        private void ParseDirective(List<ParsedStatement> output)
        {
            AsmToken directive = Next();
            switch (directive.Text.ToLowerInvariant())
            {
                case ".quad":
                case ".8byte":
                    ParseQuad(output);
                    return;
                default:
                    throw Error(directive, "unknown directive '" + directive.Text + "'");
            }
        }

        private void ParseQuad(List<ParsedStatement> output)
        {
            var slots = new List<(ulong Value, AsmToken Token)>();
            do
            {
                AsmToken token = Peek;
                slots.Add((unchecked((ulong)ParseInteger64()), token));
            }
            while (TryTake(","));

            ExpectEnd();
            var bytes = new byte[16];
            for (int i = 0; i < slots.Count; i++)
            {
                System.BitConverter.GetBytes(slots[i].Value).CopyTo(bytes, 0);
                if ((byte)slots[i].Value == Instruction.LoadImmediate64OpCode)
                {
                    if (i + 1 >= slots.Count)
                    {
                        throw Error(slots[i].Token, "LD_IMM64 needs its second slot in the same .quad");
                    }

                    System.BitConverter.GetBytes(slots[i + 1].Value).CopyTo(bytes, 8);
                    i++;
                }

                output.Add(new ParsedStatement(Instruction.Decode(bytes, out _)));
            }
        }

        private ParsedStatement ParseCall()
        {
            AsmToken token = Peek;
            if (token.IsWord("pc") && (PeekAt(1).Is("+") || PeekAt(1).Is("-")))
            {
                Next();
                return new ParsedStatement(Emit.CallLocal(ParseImmediate32()));
            }

            if (token.IsWord("kfunc") && PeekAt(1).Kind != AsmTokenKind.End)
            {
                Next();
                return new ParsedStatement(Emit.CallKfunc(ParseImmediate32()));
            }

            if (token.Kind == AsmTokenKind.Identifier)
            {
                Next();
                return new ParsedStatement(Emit.CallLocal(0), SymbolUse.CallTarget, token.Text, token.Column);
            }

            return new ParsedStatement(Emit.CallHelper(ParseImmediate32()));
        }

        private ParsedStatement JumpTo(Instruction jump, bool sixteenBit)
        {
            AsmToken token = Peek;
            if (token.Kind == AsmTokenKind.Identifier && !IsRegisterLike(token))
            {
                Next();
                return new ParsedStatement(jump, sixteenBit ? SymbolUse.JumpOffset : SymbolUse.ImmediateOffset, token.Text, token.Column);
            }

            if (token.Kind != AsmTokenKind.Integer && !token.Is("+") && !token.Is("-"))
            {
                throw Error(token, "expected a jump target (+N, -N or a label), found " + token.Describe());
            }

            return sixteenBit
                ? new ParsedStatement(jump.WithOffset(ParseOffset16()))
                : new ParsedStatement(jump.WithConstant(ParseImmediate32()));
        }

        private ParsedStatement ParseConditionalJump()
        {
            Operand left = ExpectRegister(wide: null);
            AsmToken opToken = Next();
            string op = opToken.Text;
            if (opToken.IsWord("s"))
            {
                AsmToken rest = Next();
                if (rest.Kind != AsmTokenKind.Punctuation || (rest.Text != ">" && rest.Text != ">=" && rest.Text != "<" && rest.Text != "<="))
                {
                    throw Error(rest, "expected s>, s>=, s< or s<=");
                }

                op = "s" + rest.Text;
            }
            else if (opToken.Kind != AsmTokenKind.Punctuation)
            {
                throw Error(opToken, "expected a comparison, found " + opToken.Describe());
            }

            JumpOperation operation = op switch
            {
                "==" => JumpOperation.Jeq,
                "!=" => JumpOperation.Jne,
                ">" => JumpOperation.Jgt,
                ">=" => JumpOperation.Jge,
                "<" => JumpOperation.Jlt,
                "<=" => JumpOperation.Jle,
                "&" => JumpOperation.Jset,
                "s>" => JumpOperation.Jsgt,
                "s>=" => JumpOperation.Jsge,
                "s<" => JumpOperation.Jslt,
                "s<=" => JumpOperation.Jsle,
                _ => throw Error(opToken, "unknown comparison '" + op + "'"),
            };

            Instruction jump;
            if (IsRegisterLike(Peek))
            {
                Operand right = ExpectRegister(left.Wide);
                jump = left.Wide ? Emit.Jump64(operation, left.Register, right.Register, 0) : Emit.Jump32(operation, left.Register, right.Register, 0);
            }
            else
            {
                int imm = ParseImmediate32();
                jump = left.Wide ? Emit.Jump64(operation, left.Register, imm, 0) : Emit.Jump32(operation, left.Register, imm, 0);
            }

            ExpectWord("goto");
            return JumpTo(jump, sixteenBit: true);
        }

        private ParsedStatement ParseLdPseudo()
        {
            Operand dst = ExpectRegister(wide: true);
            Expect(",");
            AsmToken sourceToken = Peek;
            long source = ParseInteger64();
            if (source < 0 || source > 15)
            {
                throw Error(sourceToken, "pseudo source must be 0 to 15");
            }

            Expect(",");
            long constant = ParseInteger64();
            return new ParsedStatement(Emit.LoadPseudo(dst.Register, (PseudoSource)source, constant));
        }

    }
}

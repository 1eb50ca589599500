namespace Ebpf.Asm
{
    internal sealed partial class StatementParser
    {
        /// <summary><c>rN op= x</c> or <c>rN = …</c>.</summary>
        private ParsedStatement ParseRegisterStatement()
        {
            Operand dst = ExpectRegister(wide: null);
            AsmToken op = Next();
            if (op.Is("="))
            {
                return ParseAssignment(dst);
            }

            string symbol = op.Text;
            if (op.IsWord("s"))
            {
                AsmToken rest = Next();
                if (!rest.Is("/=") && !rest.Is("%=") && !rest.Is(">>="))
                {
                    throw Error(rest, "expected s/=, s%= or s>>=");
                }

                symbol = "s" + rest.Text;
            }
            else if (op.Kind != AsmTokenKind.Punctuation)
            {
                throw Error(op, "expected an assignment operator, found " + op.Describe());
            }

            (AluOperation operation, short offset) = symbol switch
            {
                "+=" => (AluOperation.Add, (short)0),
                "-=" => (AluOperation.Sub, (short)0),
                "*=" => (AluOperation.Mul, (short)0),
                "/=" => (AluOperation.Div, (short)0),
                "%=" => (AluOperation.Mod, (short)0),
                "|=" => (AluOperation.Or, (short)0),
                "&=" => (AluOperation.And, (short)0),
                "^=" => (AluOperation.Xor, (short)0),
                "<<=" => (AluOperation.Lsh, (short)0),
                ">>=" => (AluOperation.Rsh, (short)0),
                "s>>=" => (AluOperation.Arsh, (short)0),
                "s/=" => (AluOperation.Div, (short)1),
                "s%=" => (AluOperation.Mod, (short)1),
                _ => throw Error(op, "unknown operator '" + symbol + "'"),
            };

            if (IsRegisterLike(Peek))
            {
                Operand src = ExpectRegister(dst.Wide);
                return new ParsedStatement(dst.Wide ? Emit.Alu64(operation, dst.Register, src.Register, offset) : Emit.Alu32(operation, dst.Register, src.Register, offset));
            }

            int imm = ParseImmediate32();
            return new ParsedStatement(dst.Wide ? Emit.Alu64(operation, dst.Register, imm, offset) : Emit.Alu32(operation, dst.Register, imm, offset));
        }

        private ParsedStatement ParseAssignment(Operand dst)
        {
            AsmToken token = Peek;
            if (token.Is("*"))
            {
                Next();
                return ParseLoad(dst);
            }

            if (token.Is("-") && IsRegisterLike(PeekAt(1)))
            {
                Next();
                ExpectSame(dst, ExpectRegister(dst.Wide));
                return new ParsedStatement(dst.Wide ? Emit.Neg64(dst.Register) : Emit.Neg32(dst.Register));
            }

            if (token.Is("-") || token.Is("+") || token.Kind == AsmTokenKind.Integer)
            {
                return ParseConstant(dst);
            }

            if (token.Is("("))
            {
                return ParseMoveSignExtend(dst);
            }

            if (token.Kind != AsmTokenKind.Identifier)
            {
                throw Error(token, "expected a register, number or memory operand, found " + token.Describe());
            }

            if (IsRegisterLike(token))
            {
                Operand src = ExpectRegister(dst.Wide);
                return new ParsedStatement(dst.Wide ? Emit.Alu64(AluOperation.Mov, dst.Register, src.Register) : Emit.Alu32(AluOperation.Mov, dst.Register, src.Register));
            }

            string word = token.Text.ToLowerInvariant();
            switch (word)
            {
                case "be16": case "be32": case "be64": case "le16": case "le32": case "le64":
                case "bswap16": case "bswap32": case "bswap64":
                    return ParseByteSwap(dst, word);
                case "atomic_fetch_add": case "atomic_fetch_or": case "atomic_fetch_and": case "atomic_fetch_xor":
                    return ParseAtomicFetch(dst, word);
                case "xchg_64": case "xchg32_32": case "cmpxchg_64": case "cmpxchg32_32":
                    return ParseExchange(dst, word);
                case "addr_space_cast":
                    return ParseAddressSpaceCast(dst);
            }

            if ((word == "map" || word == "map_value" || word == "slot") && PeekAt(1).Is("["))
            {
                return ParseSymbolic(dst, word);
            }

            Next();
            RequireWide(dst, "a 64-bit load");
            ExpectWord("ll");
            return new ParsedStatement(Emit.LoadImm64(dst.Register, 0), SymbolUse.FunctionOrMap, token.Text, token.Column);
        }

        private void RequireWide(Operand dst, string what)
        {
            if (!dst.Wide)
            {
                throw Error(dst.Token, what + " needs a 64-bit register (r0-r10), found '" + dst.Token.Text + "'");
            }
        }

        private ParsedStatement ParseConstant(Operand dst)
        {
            int save = position;
            ParseSignedLiteral();
            if (Peek.IsWord("ll"))
            {
                RequireWide(dst, "ll");
                position = save;
                long constant = ParseInteger64();
                ExpectWord("ll");
                return new ParsedStatement(Emit.LoadImm64(dst.Register, constant));
            }

            position = save;
            int imm = ParseImmediate32();
            return new ParsedStatement(dst.Wide ? Emit.Mov64(dst.Register, imm) : Emit.Mov32(dst.Register, imm));
        }

        private ParsedStatement ParseMoveSignExtend(Operand dst)
        {
            Expect("(");
            AsmToken cast = Next();
            int bits = cast.Text.ToLowerInvariant() switch
            {
                "s8" => 8,
                "s16" => 16,
                "s32" when dst.Wide => 32,
                _ => throw Error(cast, dst.Wide ? "expected s8, s16 or s32" : "expected s8 or s16"),
            };
            Expect(")");
            Operand src = ExpectRegister(dst.Wide);
            return new ParsedStatement(dst.Wide ? Emit.MovSx64(dst.Register, src.Register, bits) : Emit.MovSx32(dst.Register, src.Register, bits));
        }

        private ParsedStatement ParseByteSwap(Operand dst, string word)
        {
            Next();
            RequireWide(dst, "a byte swap");
            ExpectSame(dst, ExpectRegister(wide: true));
            Register r = dst.Register;
            return new ParsedStatement(word switch
            {
                "be16" => Emit.Be16(r),
                "be32" => Emit.Be32(r),
                "be64" => Emit.Be64(r),
                "le16" => Emit.Le16(r),
                "le32" => Emit.Le32(r),
                "le64" => Emit.Le64(r),
                "bswap16" => Emit.Bswap16(r),
                "bswap32" => Emit.Bswap32(r),
                _ => Emit.Bswap64(r),
            });
        }

        private ParsedStatement ParseAddressSpaceCast(Operand dst)
        {
            Next();
            RequireWide(dst, "addr_space_cast");
            Expect("(");
            Operand src = ExpectRegister(wide: true);
            Expect(",");
            AsmToken first = Peek;
            long destinationSpace = ParseInteger64();
            Expect(",");
            AsmToken second = Peek;
            long sourceSpace = ParseInteger64();
            Expect(")");
            if (destinationSpace < 0 || destinationSpace > ushort.MaxValue)
            {
                throw Error(first, "address space must be 0 to 65535");
            }

            if (sourceSpace < 0 || sourceSpace > ushort.MaxValue)
            {
                throw Error(second, "address space must be 0 to 65535");
            }

            return new ParsedStatement(Emit.AddressSpaceCast(dst.Register, src.Register, (ushort)destinationSpace, (ushort)sourceSpace));
        }

        /// <summary><c>map[NAME] ll</c>, <c>map_value[NAME] + 8 ll</c>, <c>slot[PROGRAM]</c>.</summary>
        private ParsedStatement ParseSymbolic(Operand dst, string word)
        {
            Next();
            Expect("[");
            AsmToken name = Next();
            if (name.Kind != AsmTokenKind.Identifier)
            {
                throw Error(name, "expected a name, found " + name.Describe());
            }

            Expect("]");
            if (word == "slot")
            {
                Instruction mov = dst.Wide ? Emit.Mov64(dst.Register, 0) : Emit.Mov32(dst.Register, 0);
                return new ParsedStatement(mov, SymbolUse.ProgramSlot, name.Text, name.Column);
            }

            RequireWide(dst, word + "[...]");
            int addend = 0;
            if (word == "map_value" && (Peek.Is("+") || Peek.Is("-")))
            {
                addend = ParseImmediate32();
            }

            ExpectWord("ll");
            return word == "map"
                ? new ParsedStatement(Emit.LoadPseudo(dst.Register, PseudoSource.MapFd, 0), SymbolUse.MapFd, name.Text, name.Column)
                : new ParsedStatement(Emit.LoadPseudo(dst.Register, PseudoSource.MapValue, (long)addend << 32), SymbolUse.MapValue, name.Text, name.Column, addend);
        }
    }
}

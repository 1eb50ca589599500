using System.Globalization;

namespace Ebpf.Asm
{
    internal sealed partial class StatementParser
    {
        private static AsmSyntaxException Error(AsmToken token, string message) => new AsmSyntaxException(token.Column, message);

        /// <summary>r0–r10 or w0–w10, any case.</summary>
        private static bool IsRegisterName(string text) => TryRegisterNumber(text, out int number) && number <= 10;

        /// <summary>Looks like a register (<c>r</c> or <c>w</c> and digits), valid or not.</summary>
        private static bool IsRegisterLike(AsmToken token) => token.Kind == AsmTokenKind.Identifier && TryRegisterNumber(token.Text, out _);

        private static bool TryRegisterNumber(string text, out int number)
        {
            number = -1;
            if (text.Length < 2 || text.Length > 4)
            {
                return false;
            }

            char first = char.ToLowerInvariant(text[0]);
            if (first != 'r' && first != 'w')
            {
                return false;
            }

            for (int i = 1; i < text.Length; i++)
            {
                if (text[i] < '0' || text[i] > '9')
                {
                    return false;
                }
            }

            number = int.Parse(text.Substring(1), CultureInfo.InvariantCulture);
            return true;
        }

        /// <summary>Reads a register; <paramref name="wide"/> true wants rN, false wants wN, null takes either.</summary>
        private Operand ExpectRegister(bool? wide)
        {
            AsmToken token = Peek;
            if (!IsRegisterLike(token))
            {
                throw Error(token, "expected a register, found " + token.Describe());
            }

            TryRegisterNumber(token.Text, out int number);
            if (number > 10)
            {
                throw Error(token, "unknown register '" + token.Text + "'");
            }

            bool isWide = char.ToLowerInvariant(token.Text[0]) == 'r';
            if (wide.HasValue && wide.Value != isWide)
            {
                throw Error(token, (wide.Value ? "expected a 64-bit register (r0-r10), found '" : "expected a 32-bit register (w0-w10), found '") + token.Text + "'");
            }

            Next();
            return new Operand((Register)number, isWide, token);
        }

        private void ExpectSame(Operand expected, Operand actual)
        {
            if (expected.Register != actual.Register || expected.Wide != actual.Wide)
            {
                throw Error(actual.Token, "this instruction needs the same register on both sides, '" + expected.Token.Text + "'");
            }
        }

        private AsmToken Expect(string punctuation)
        {
            AsmToken token = Peek;
            if (!token.Is(punctuation))
            {
                throw Error(token, "expected '" + punctuation + "', found " + token.Describe());
            }

            return Next();
        }

        private void ExpectWord(string word)
        {
            AsmToken token = Peek;
            if (!token.IsWord(word))
            {
                throw Error(token, "expected '" + word + "', found " + token.Describe());
            }

            Next();
        }

        private bool TryTake(string punctuation)
        {
            if (Peek.Is(punctuation))
            {
                Next();
                return true;
            }

            return false;
        }

        private void ExpectEnd()
        {
            AsmToken token = Peek;
            if (token.Kind != AsmTokenKind.End)
            {
                throw Error(token, "unexpected " + token.Describe() + " after the instruction");
            }
        }

        /// <summary>An optionally signed integer literal as sign and magnitude.</summary>
        private (bool Negative, ulong Magnitude, AsmToken Start) ParseSignedLiteral()
        {
            AsmToken start = Peek;
            bool negative = false;
            if (start.Is("-") || start.Is("+"))
            {
                negative = start.Text == "-";
                Next();
            }

            AsmToken number = Peek;
            if (number.Kind != AsmTokenKind.Integer)
            {
                throw Error(number, "expected a number, found " + number.Describe());
            }

            if (number.Overflow)
            {
                throw Error(number, "number '" + number.Text + "' does not fit in 64 bits");
            }

            Next();
            return (negative, number.Value, start);
        }

        /// <summary>A 32-bit immediate: −2³¹ … 2³²−1 (values above 2³¹−1 keep their bit pattern, as llvm-mc does).</summary>
        private int ParseImmediate32()
        {
            var (negative, magnitude, start) = ParseSignedLiteral();
            if (negative ? magnitude > 0x80000000UL : magnitude > 0xffffffffUL)
            {
                throw Error(start, "immediate " + (negative ? "-" : string.Empty) + magnitude.ToString(CultureInfo.InvariantCulture) + " does not fit in 32 bits");
            }

            return unchecked(negative ? (int)(0 - (long)magnitude) : (int)(uint)magnitude);
        }

        /// <summary>A 64-bit constant: −2⁶³ … 2⁶⁴−1.</summary>
        private long ParseInteger64()
        {
            var (negative, magnitude, start) = ParseSignedLiteral();
            if (negative && magnitude > 0x8000000000000000UL)
            {
                throw Error(start, "constant does not fit in 64 bits");
            }

            return unchecked(negative ? (long)(0UL - magnitude) : (long)magnitude);
        }

        /// <summary>A signed 16-bit jump offset or displacement.</summary>
        private short ParseOffset16()
        {
            var (negative, magnitude, start) = ParseSignedLiteral();
            if (negative ? magnitude > 32768UL : magnitude > 32767UL)
            {
                throw Error(start, "offset " + (negative ? "-" : string.Empty) + magnitude.ToString(CultureInfo.InvariantCulture) + " does not fit in 16 bits");
            }

            return unchecked((short)(negative ? 0 - (long)magnitude : (long)magnitude));
        }

        /// <summary><c>(rN + off)</c> or <c>(rN - off)</c>.</summary>
        private (Register Base, short Offset) ParseAddress()
        {
            Expect("(");
            (Register register, short offset) = ParseAddressBody();
            Expect(")");
            return (register, offset);
        }

        /// <summary><c>rN + off</c> or <c>rN - off</c>, without parentheses (xchg and cmpxchg spell it so).</summary>
        private (Register Base, short Offset) ParseAddressBody()
        {
            Operand register = ExpectRegister(wide: true);
            AsmToken sign = Peek;
            if (!sign.Is("+") && !sign.Is("-"))
            {
                throw Error(sign, "expected '+' or '-' and an offset, found " + sign.Describe());
            }

            if (PeekAt(1).Kind != AsmTokenKind.Integer)
            {
                throw Error(PeekAt(1), "expected an offset, found " + PeekAt(1).Describe());
            }

            return (register.Register, ParseOffset16());
        }

        /// <summary><c>(u32 *)</c> and friends; returns the size and whether it was signed (sN).</summary>
        private (MemorySize Size, bool Signed, AsmToken Token) ParseSizeCast()
        {
            Expect("(");
            AsmToken token = Next();
            (MemorySize size, bool signed) = token.Text.ToLowerInvariant() switch
            {
                "u8" => (MemorySize.Byte, false),
                "u16" => (MemorySize.Half, false),
                "u32" => (MemorySize.Word, false),
                "u64" => (MemorySize.DoubleWord, false),
                "s8" => (MemorySize.Byte, true),
                "s16" => (MemorySize.Half, true),
                "s32" => (MemorySize.Word, true),
                _ => throw Error(token, "expected u8, u16, u32, u64, s8, s16 or s32, found " + token.Describe()),
            };
            Expect("*");
            Expect(")");
            return (size, signed, token);
        }
    }
}

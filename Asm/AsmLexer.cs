using System.Collections.Generic;

namespace Ebpf.Asm
{
    /// <summary>Splits one line of assembly (comments already removed) into tokens.</summary>
    internal static class AsmLexer
    {
        private static readonly string[] Operators =
        {
            "<<=", ">>=", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "%=", "|=", "&=", "^=", "<<", ">>",
            "=", "<", ">", "+", "-", "*", "/", "%", "|", "&", "^", "(", ")", "[", "]", ",", ":", "!",
        };

        /// <summary>Where the comment starts (<c>;</c>, <c>#</c> or <c>//</c>), or the line length.</summary>
        public static int CodeLength(string line)
        {
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if (c == ';' || c == '#' || (c == '/' && i + 1 < line.Length && line[i + 1] == '/'))
                {
                    return i;
                }
            }

            return line.Length;
        }

        /// <summary>Tokenizes <paramref name="code"/>; returns false with the column of a character no token starts with.</summary>
        public static bool TryTokenize(string code, List<AsmToken> tokens, out int badColumn)
        {
            int i = 0;
            while (i < code.Length)
            {
                char c = code[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }

                int start = i;
                if (IsNameStart(c))
                {
                    while (i < code.Length && IsNamePart(code[i]))
                    {
                        i++;
                    }

                    tokens.Add(new AsmToken(AsmTokenKind.Identifier, code.Substring(start, i - start), start + 1));
                    continue;
                }

                if (c >= '0' && c <= '9')
                {
                    while (i < code.Length && (char.IsLetterOrDigit(code[i]) || code[i] == '_'))
                    {
                        i++;
                    }

                    string text = code.Substring(start, i - start);
                    if (!TryParseInteger(text, out ulong value, out bool overflow))
                    {
                        badColumn = start + 1;
                        return false;
                    }

                    tokens.Add(new AsmToken(AsmTokenKind.Integer, text, start + 1, value, overflow));
                    continue;
                }

                string? op = null;
                foreach (string candidate in Operators)
                {
                    if (string.CompareOrdinal(code, i, candidate, 0, candidate.Length) == 0)
                    {
                        op = candidate;
                        break;
                    }
                }

                if (op is null)
                {
                    badColumn = start + 1;
                    return false;
                }

                tokens.Add(new AsmToken(AsmTokenKind.Punctuation, op, start + 1));
                i += op.Length;
            }

            tokens.Add(new AsmToken(AsmTokenKind.End, string.Empty, code.TrimEnd().Length + 1));
            badColumn = 0;
            return true;
        }

        private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_' || c == '.' || c == '$';

        private static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '.' || c == '$';

        private static bool TryParseInteger(string text, out ulong value, out bool overflow)
        {
            value = 0;
            overflow = false;
            int radix = 10;
            int start = 0;
            if (text.Length > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
            {
                radix = 16;
                start = 2;
            }
            else if (text.Length > 2 && text[0] == '0' && (text[1] == 'b' || text[1] == 'B'))
            {
                radix = 2;
                start = 2;
            }
            else if (text.Length > 1 && text[0] == '0')
            {
                radix = 8;
                start = 1;
            }

            for (int i = start; i < text.Length; i++)
            {
                int digit = DigitValue(text[i]);
                if (digit < 0 || digit >= radix)
                {
                    return false;
                }

                ulong next = unchecked(value * (ulong)radix + (ulong)digit);
                if ((next - (ulong)digit) / (ulong)radix != value)
                {
                    overflow = true;
                }

                value = next;
            }

            return true;
        }

        private static int DigitValue(char c) =>
            c >= '0' && c <= '9' ? c - '0'
            : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10
            : -1;
    }
}

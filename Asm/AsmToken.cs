namespace Ebpf.Asm
{
    /// <summary>What a token of assembly text is.</summary>
    internal enum AsmTokenKind
    {
        /// <summary>A name: register, keyword, label or symbol.</summary>
        Identifier,
        /// <summary>An unsigned integer literal (decimal, 0x hex, 0b binary, 0 octal).</summary>
        Integer,
        /// <summary>An operator or punctuation, longest match (<c>&lt;&lt;=</c>, <c>==</c>, <c>(</c>).</summary>
        Punctuation,
        /// <summary>End of the statement.</summary>
        End,
    }

    /// <summary>One token with its 1-based column.</summary>
    internal readonly struct AsmToken
    {
        public AsmToken(AsmTokenKind kind, string text, int column, ulong value = 0, bool overflow = false)
        {
            Kind = kind;
            Text = text;
            Column = column;
            Value = value;
            Overflow = overflow;
        }

        public AsmTokenKind Kind { get; }

        public string Text { get; }

        public int Column { get; }

        /// <summary>The value of an integer literal.</summary>
        public ulong Value { get; }

        /// <summary>The literal does not fit in 64 bits.</summary>
        public bool Overflow { get; }

        public bool Is(string punctuation) => Kind == AsmTokenKind.Punctuation && Text == punctuation;

        public bool IsWord(string word) => Kind == AsmTokenKind.Identifier && string.Equals(Text, word, System.StringComparison.OrdinalIgnoreCase);

        public string Describe() => Kind == AsmTokenKind.End ? "end of line" : "'" + Text + "'";
    }
}

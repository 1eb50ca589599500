using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace Ebpf.Compiler.Tests.FrontEnd
{
    /// <summary>C# test sources with <c>[|…|]</c> markers around the spans a diagnostic must cover.</summary>
    internal static class SpanMarkup
    {
        private const string Open = "[|";
        private const string Close = "|]";

        /// <summary>
        /// The source without markers, and each marked span in it, in order. Spans may not nest; an unclosed
        /// <c>[|</c> is a <see cref="FormatException"/>.
        /// </summary>
        public static (string Source, IReadOnlyList<TextSpan> Spans) Parse(string markup)
        {
            var spans = new List<TextSpan>();
            string source = markup;
            while (source.IndexOf(Open, StringComparison.Ordinal) is int start && start >= 0)
            {
                int end = source.IndexOf(Close, start, StringComparison.Ordinal);
                if (end < 0 || source.IndexOf(Open, start + Open.Length, end - start - Open.Length, StringComparison.Ordinal) >= 0)
                {
                    throw new FormatException($"'{Open}' at {start} must be closed by '{Close}' before the next '{Open}'");
                }

                spans.Add(TextSpan.FromBounds(start, end - Open.Length));
                source = source.Remove(end, Close.Length).Remove(start, Open.Length);
            }

            return (source, spans);
        }
    }
}

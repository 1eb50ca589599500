using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Ebpf.Compiler.Tests.Analyzers;

/// <summary>
/// Source with expected diagnostics marked inline as <c>{|EBPF2004:double|}</c>: the id and the exact span.
/// Markers may nest; the parsed source has them removed.
/// </summary>
internal sealed class DiagnosticMarkup
{
    private DiagnosticMarkup(string source, IReadOnlyList<ExpectedDiagnostic> expected)
    {
        Source = source;
        Expected = expected;
    }

    /// <summary>The source without markers.</summary>
    public string Source { get; }

    /// <summary>The marked diagnostics, in order of their start.</summary>
    public IReadOnlyList<ExpectedDiagnostic> Expected { get; }

    public static DiagnosticMarkup Parse(string markup)
    {
        var source = new StringBuilder(markup.Length);
        var open = new Stack<(string Id, int Start)>();
        var expected = new List<ExpectedDiagnostic>();
        for (int i = 0; i < markup.Length; i++)
        {
            if (string.CompareOrdinal(markup, i, "{|", 0, 2) == 0)
            {
                int colon = markup.IndexOf(':', i + 2);
                if (colon < 0)
                {
                    throw new FormatException("'{|' without ':' at " + i);
                }

                open.Push((markup.Substring(i + 2, colon - i - 2), source.Length));
                i = colon;
            }
            else if (string.CompareOrdinal(markup, i, "|}", 0, 2) == 0 && open.Count > 0)
            {
                var (id, start) = open.Pop();
                expected.Add(new ExpectedDiagnostic(id, TextSpan.FromBounds(start, source.Length)));
                i++;
            }
            else
            {
                source.Append(markup[i]);
            }
        }

        if (open.Count > 0)
        {
            throw new FormatException("unclosed marker for " + open.Peek().Id);
        }

        expected.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : string.CompareOrdinal(a.Id, b.Id));
        return new DiagnosticMarkup(source.ToString(), expected);
    }
}

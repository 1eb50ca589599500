using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Ebpf.Compiler.Tests.Analyzers;

/// <summary>Checks that analyzers report exactly the marked diagnostics: same ids, same spans, nothing more.</summary>
internal static class AnalyzerAssert
{
    /// <summary>Runs <paramref name="analyzer"/> on <paramref name="markup"/> (prefixed with <see cref="AnalyzerRunner.Usings"/>) and compares.</summary>
    public static Diagnostic[] Reports(DiagnosticAnalyzer analyzer, string markup, bool checkedArithmetic = false)
    {
        var parsed = DiagnosticMarkup.Parse(AnalyzerRunner.Usings + markup);
        var diagnostics = AnalyzerRunner.Analyze(AnalyzerRunner.Compile(parsed.Source, checkedArithmetic), analyzer);
        string expected = string.Join("\n", parsed.Expected.Select(e => Describe(parsed.Source, e.Id, e.Span)));
        string actual = string.Join("\n", diagnostics.Select(d => Describe(parsed.Source, d.Id, d.Location.SourceSpan)));
        Assert.True(expected == actual, "expected:\n" + expected + "\nactual:\n" + actual);
        return diagnostics.ToArray();
    }

    private static string Describe(string source, string id, Microsoft.CodeAnalysis.Text.TextSpan span) =>
        id + " " + span + " '" + source.Substring(span.Start, span.Length) + "'";
}

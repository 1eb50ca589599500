using System;
using System.Collections.Immutable;
using System.Linq;
using Ebpf.Compiler.Diagnostics;
using Ebpf.Compiler.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Ebpf.Compiler.Tests.Generator;

public sealed class GeneratorDiagnosticsTests
{
    [Fact]
    public void Reports_front_end_diagnostics_at_their_locations_except_the_analyzer_owned_ones()
    {
        string source = TestImages.ProgramSource;
        Compilation input = GeneratorHarness.Compile("Sample.Diagnostics", GeneratorHarness.ProgramReferences, source);
        int egress1 = source.IndexOf("Egress1(", StringComparison.Ordinal);
        int egress2 = source.IndexOf("Egress2(", StringComparison.Ordinal);
        ImmutableArray<Diagnostic> Diagnose(INamedTypeSymbol type)
        {
            SyntaxTree tree = type.DeclaringSyntaxReferences[0].SyntaxTree;
            return ImmutableArray.Create(
                Diagnostic.Create(DiagnosticCatalogue.FloatingPoint, Location.Create(tree, new TextSpan(egress1, 7)), "double"),
                Diagnostic.Create(DiagnosticCatalogue.StackTooLarge, Location.Create(tree, new TextSpan(egress2, 7)), "Egress2", 600, 512));
        }

        var (_, _, generated) = GeneratorHarness.Run(
            GeneratorHarness.Driver(new ProgramImageGenerator(TestImages.FrontEnd(image: null, Diagnose))), input);

        Assert.Contains("EBPF2004", DiagnosticCatalogue.AnalyzerOwned);
        Diagnostic reported = Assert.Single(generated);
        Assert.Equal("EBPF4001", reported.Id);
        Assert.Equal(DiagnosticSeverity.Error, reported.Severity);
        Assert.Equal(new TextSpan(egress2, 7), reported.Location.SourceSpan);
        Assert.Equal("/src/Sample.Diagnostics/File0.cs", reported.Location.GetLineSpan().Path);
        Assert.Equal(LinePosition(source, egress2), reported.Location.GetLineSpan().StartLinePosition);
        Assert.Equal(DiagnosticCatalogue.StackTooLarge.HelpLinkUri, reported.Descriptor.HelpLinkUri);
        Assert.Contains("Egress2", reported.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Exception_in_the_compiler_becomes_EBPF9001_at_the_program_class()
    {
        string source = TestImages.ProgramSource;
        Compilation input = GeneratorHarness.Compile("Sample.Crash", GeneratorHarness.ProgramReferences, source);
        var generator = new ProgramImageGenerator((_, _, _) => throw new InvalidOperationException("register allocation went wrong"));

        var (driver, output, generated) = GeneratorHarness.Run(GeneratorHarness.Driver(generator), input);

        Diagnostic reported = Assert.Single(generated);
        Assert.Equal("EBPF9001", reported.Id);
        Assert.Contains("System.InvalidOperationException", reported.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("register allocation went wrong", reported.GetMessage(), StringComparison.Ordinal);
        int name = source.IndexOf("TailChain\n", StringComparison.Ordinal);
        Assert.Equal(new TextSpan(name, "TailChain".Length), reported.Location.SourceSpan);
        Assert.Null(driver.GetRunResult().Results.Single().Exception);
        Assert.Empty(driver.GetRunResult().GeneratedTrees);
        Assert.Equal(input.SyntaxTrees.Count(), output.SyntaxTrees.Count());
    }

    private static LinePosition LinePosition(string text, int position) => SourceText.From(text).Lines.GetLinePosition(position);
}

using System.Collections.Immutable;
using System.Linq;
using Ebpf.Compiler.Diagnostics;
using Ebpf.Compiler.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Ebpf.Compiler.Tests.Generator;

public sealed class IncrementalityTests
{
    private const string Comment = "// shared between the stages";

    [Fact]
    public void Comment_only_edit_leaves_models_and_sources_cached()
    {
        Compilation input = GeneratorHarness.Compile("Sample.Incremental", GeneratorHarness.ProgramReferences, TestImages.ProgramSource);
        GeneratorDriver driver = GeneratorHarness.Driver(new ProgramImageGenerator(TestImages.FrontEnd(TestImages.Chain())));
        (driver, _, _) = GeneratorHarness.Run(driver, input);
        Assert.Single(driver.GetRunResult().GeneratedTrees);

        (driver, _, _) = GeneratorHarness.Run(driver, Edit(input, Comment, "// shared by all three stages"));

        Assert.All(GeneratorHarness.Reasons(driver, ProgramImageGenerator.ProgramClassesStep), AssertUnchanged);
        IncrementalStepRunReason[] compiled = GeneratorHarness.Reasons(driver, ProgramImageGenerator.CompiledClassesStep);
        Assert.Equal(new[] { IncrementalStepRunReason.Unchanged }, compiled); // re-run on the new compilation, same result
        Assert.All(GeneratorHarness.Reasons(driver, ProgramImageGenerator.ModelsStep), AssertUnchanged);
        Assert.All(GeneratorHarness.Reasons(driver, ProgramImageGenerator.DiagnosticsStep), AssertUnchanged);
        IncrementalStepRunReason[] sources = GeneratorHarness.OutputReasons(driver, "SourceOutput");
        Assert.NotEmpty(sources);
        Assert.All(sources, AssertUnchanged);
    }

    [Fact]
    public void Diagnostics_only_change_reports_again_without_regenerating_code()
    {
        Compilation input = GeneratorHarness.Compile("Sample.DiagnosticsOnly", GeneratorHarness.ProgramReferences, TestImages.ProgramSource);
        GeneratorDriver driver = GeneratorHarness.Driver(new ProgramImageGenerator(TestImages.FrontEnd(TestImages.Chain(), DiagnoseComment)));
        (driver, _, ImmutableArray<Diagnostic> before) = GeneratorHarness.Run(driver, input);

        Compilation edited = Edit(input, Comment, "    " + Comment);
        (driver, _, ImmutableArray<Diagnostic> after) = GeneratorHarness.Run(driver, edited);

        Assert.Contains(IncrementalStepRunReason.Modified, GeneratorHarness.Reasons(driver, ProgramImageGenerator.DiagnosticsStep));
        Assert.All(GeneratorHarness.Reasons(driver, ProgramImageGenerator.ModelsStep), AssertUnchanged);
        IncrementalStepRunReason[] code = GeneratorHarness.OutputReasonsFrom(driver, ProgramImageGenerator.ModelsStep);
        Assert.NotEmpty(code);
        Assert.All(code, AssertUnchanged);
        Assert.Equal(Span(input), Assert.Single(before).Location.SourceSpan);
        Assert.Equal(Span(edited), Assert.Single(after).Location.SourceSpan);
        Assert.NotEqual(Span(input), Span(edited));
    }

    private static ImmutableArray<Diagnostic> DiagnoseComment(INamedTypeSymbol type)
    {
        SyntaxNode declaration = type.DeclaringSyntaxReferences[0].GetSyntax();
        SyntaxTrivia comment = declaration.DescendantTrivia().First(trivia => trivia.IsKind(SyntaxKind.SingleLineCommentTrivia));
        return ImmutableArray.Create(Diagnostic.Create(DiagnosticCatalogue.UncheckedMapValue, comment.GetLocation(), "shared", "Shared.Lookup"));
    }

    private static Microsoft.CodeAnalysis.Text.TextSpan Span(Compilation compilation)
    {
        string text = compilation.SyntaxTrees.First().ToString();
        return new Microsoft.CodeAnalysis.Text.TextSpan(text.IndexOf(Comment, System.StringComparison.Ordinal), Comment.Length);
    }

    private static Compilation Edit(Compilation compilation, string oldText, string newText)
    {
        SyntaxTree tree = compilation.SyntaxTrees.First();
        SyntaxTree edited = tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(tree.ToString().Replace(oldText, newText)));
        return compilation.ReplaceSyntaxTree(tree, edited);
    }

    private static void AssertUnchanged(IncrementalStepRunReason reason) =>
        Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step output was {reason}");
}

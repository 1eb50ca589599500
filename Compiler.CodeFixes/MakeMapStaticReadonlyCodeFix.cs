using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Ebpf.Compiler.Analyzers;
using Ebpf.Compiler.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace Ebpf.Compiler.CodeFixes;

/// <summary>EBPF1002 on a map field that is not <c>static readonly</c>: adds the missing modifiers.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeMapStaticReadonlyCodeFix)), Shared]
public sealed class MakeMapStaticReadonlyCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticCatalogue.MapDeclaration.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(CodeFixKind.PropertyName, out string? kind) || kind != CodeFixKind.MakeStaticReadonly)
            {
                continue;
            }

            var field = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<FieldDeclarationSyntax>().FirstOrDefault();
            if (field is null)
            {
                continue;
            }

            string name = field.Declaration.Variables.Count == 1 ? field.Declaration.Variables[0].Identifier.ValueText : "the maps";
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Make '" + name + "' static readonly",
                    cancellationToken => MakeStaticReadonlyAsync(context.Document, field, cancellationToken),
                    equivalenceKey: CodeFixKind.MakeStaticReadonly),
                diagnostic);
        }
    }

    private static async Task<Document> MakeStaticReadonlyAsync(Document document, FieldDeclarationSyntax field, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var modifiers = editor.Generator.GetModifiers(field);
        editor.SetModifiers(field, modifiers.WithIsStatic(true).WithIsReadOnly(true));
        return editor.GetChangedDocument();
    }
}

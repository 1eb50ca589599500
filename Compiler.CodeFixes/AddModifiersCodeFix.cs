using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Ebpf.Compiler.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace Ebpf.Compiler.CodeFixes;

/// <summary>
/// The shape every fix here has: a diagnostic carrying a <see cref="CodeFixKind"/> property points into a declaration, and the
/// fix adds modifiers to it. Subclasses say which diagnostic, which declaration, which modifiers and how the action is titled.
/// </summary>
/// <typeparam name="TDeclaration">The declaration syntax the modifiers go on.</typeparam>
public abstract class AddModifiersCodeFix<TDeclaration> : CodeFixProvider
    where TDeclaration : SyntaxNode
{
    /// <summary>The <see cref="CodeFixKind"/> value the diagnostic must carry (also the equivalence key).</summary>
    protected abstract string Kind { get; }

    /// <summary>The diagnostic id this fix serves.</summary>
    protected abstract string DiagnosticId { get; }

    /// <inheritdoc />
    public sealed override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticId);

    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <summary>The code action's title for <paramref name="declaration"/>.</summary>
    protected abstract string Title(TDeclaration declaration);

    /// <summary>The modifiers the declaration gets, given <paramref name="modifiers"/>, the ones it has.</summary>
    protected abstract DeclarationModifiers Apply(DeclarationModifiers modifiers);

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(CodeFixKind.PropertyName, out string? kind) || kind != Kind)
            {
                continue;
            }

            var declaration = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<TDeclaration>().FirstOrDefault();
            if (declaration is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title(declaration), cancellationToken => AddModifiersAsync(context.Document, declaration, cancellationToken), equivalenceKey: Kind),
                diagnostic);
        }
    }

    private async Task<Document> AddModifiersAsync(Document document, TDeclaration declaration, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.SetModifiers(declaration, Apply(editor.Generator.GetModifiers(declaration)));
        return editor.GetChangedDocument();
    }
}

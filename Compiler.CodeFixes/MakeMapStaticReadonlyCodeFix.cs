using System.Composition;
using Ebpf.Compiler.Analyzers;
using Ebpf.Compiler.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace Ebpf.Compiler.CodeFixes;

/// <summary>EBPF1002 on a map field that is not <c>static readonly</c>: adds the missing modifiers.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeMapStaticReadonlyCodeFix)), Shared]
public sealed class MakeMapStaticReadonlyCodeFix : AddModifiersCodeFix<FieldDeclarationSyntax>
{
    /// <inheritdoc />
    protected override string Kind => CodeFixKind.MakeStaticReadonly;

    /// <inheritdoc />
    protected override string DiagnosticId => DiagnosticCatalogue.MapDeclaration.Id;

    /// <inheritdoc />
    protected override string Title(FieldDeclarationSyntax declaration) =>
        "Make '" + (declaration.Declaration.Variables.Count == 1 ? declaration.Declaration.Variables[0].Identifier.ValueText : "the maps") + "' static readonly";

    /// <inheritdoc />
    protected override DeclarationModifiers Apply(DeclarationModifiers modifiers) => modifiers.WithIsStatic(true).WithIsReadOnly(true);
}

using System.Composition;
using Ebpf.Compiler.Analyzers;
using Ebpf.Compiler.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace Ebpf.Compiler.CodeFixes;

/// <summary>EBPF1001 on a program method that is not static: adds <c>static</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeProgramStaticCodeFix)), Shared]
public sealed class MakeProgramStaticCodeFix : AddModifiersCodeFix<MethodDeclarationSyntax>
{
    /// <inheritdoc />
    protected override string Kind => CodeFixKind.MakeStatic;

    /// <inheritdoc />
    protected override string DiagnosticId => DiagnosticCatalogue.ProgramSignature.Id;

    /// <inheritdoc />
    protected override string Title(MethodDeclarationSyntax declaration) => "Make '" + declaration.Identifier.ValueText + "' static";

    /// <inheritdoc />
    protected override DeclarationModifiers Apply(DeclarationModifiers modifiers) => modifiers.WithIsStatic(true);
}

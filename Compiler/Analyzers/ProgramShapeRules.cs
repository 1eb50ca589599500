using System;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Ebpf.Compiler.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Ebpf.Compiler.Analyzers;

/// <summary>
/// The shape rules — program signatures (EBPF1001), map declarations (EBPF1002), program name length (EBPF1003)
/// and configuration fields (EBPF1004) — with their catalogue arguments and spans. <see cref="ProgramShapeAnalyzer"/>
/// runs them while typing; the front end runs them on the programs, maps and fields it compiles, so both report
/// each problem with the same wording at the same place.
/// </summary>
internal static class ProgramShapeRules
{
    /// <summary>The longest program name the kernel keeps whole (BPF_OBJ_NAME_LEN − 1).</summary>
    public const int MaxProgramNameBytes = 15;

    private static readonly ImmutableDictionary<string, string?> MakeStaticFix =
        ImmutableDictionary<string, string?>.Empty.Add(CodeFixKind.PropertyName, CodeFixKind.MakeStatic);

    private static readonly ImmutableDictionary<string, string?> MakeStaticReadonlyFix =
        ImmutableDictionary<string, string?>.Empty.Add(CodeFixKind.PropertyName, CodeFixKind.MakeStaticReadonly);

    /// <summary>EBPF1001 and EBPF1003 for a method with a program attribute (nothing for other methods).</summary>
    public static void AnalyzeProgramMethod(IMethodSymbol method, DslSymbols dsl, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        if (dsl.GetProgramKind(method) is not { } kind)
        {
            return;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not MethodDeclarationSyntax declaration)
            {
                continue;
            }

            string expected = kind.Signature(method.Name);
            void Report(Location location, ImmutableDictionary<string, string?>? properties = null) =>
                report(Diagnostic.Create(
                    DiagnosticCatalogue.ProgramSignature, location, properties, method.Name, kind.AttributeName, expected));

            if (!method.IsStatic)
            {
                Report(declaration.Identifier.GetLocation(), MakeStaticFix);
            }

            if (declaration.TypeParameterList is { } typeParameters)
            {
                Report(typeParameters.GetLocation());
            }

            if (!SymbolEqualityComparer.Default.Equals(method.ReturnType, kind.Verdict) || method.ReturnsByRef || method.ReturnsByRefReadonly)
            {
                Report(declaration.ReturnType.GetLocation());
            }

            if (method.Parameters.Length != 1)
            {
                Report(declaration.ParameterList.GetLocation());
            }
            else if (!SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, kind.Context) || method.Parameters[0].RefKind != RefKind.None)
            {
                Report(declaration.ParameterList.Parameters[0].GetLocation());
            }

            int nameBytes = Encoding.UTF8.GetByteCount(method.Name);
            if (nameBytes > MaxProgramNameBytes)
            {
                report(Diagnostic.Create(DiagnosticCatalogue.ProgramName, declaration.Identifier.GetLocation(), method.Name, nameBytes));
            }
        }
    }

    /// <summary>EBPF1002 or EBPF1004 for a field's declaration (modifiers, a missing initializer); const fields are fine.</summary>
    /// <param name="field">A map field, or a static field programs use.</param>
    /// <param name="dsl">The DSL's symbols.</param>
    /// <param name="report">Receives each diagnostic.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public static void AnalyzeFieldDeclaration(IFieldSymbol field, DslSymbols dsl, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        if (field.IsConst || field.IsImplicitlyDeclared)
        {
            return;
        }

        bool isMap = dsl.IsMapType(field.Type);
        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax declarator)
            {
                continue;
            }

            var location = declarator.Identifier.GetLocation();
            if (isMap)
            {
                string? problem = (field.IsStatic, field.IsReadOnly) switch
                {
                    (false, false) => "is neither static nor readonly",
                    (false, true) => "is not static",
                    (true, false) => "is not readonly",
                    _ => null,
                };
                if (problem is not null)
                {
                    report(Diagnostic.Create(DiagnosticCatalogue.MapDeclaration, location, MakeStaticReadonlyFix, field.Name, problem));
                }

                if (declarator.Initializer is null)
                {
                    report(Diagnostic.Create(DiagnosticCatalogue.MapDeclaration, location, field.Name, "has no initializer"));
                }
            }
            else if (!field.IsReadOnly || declarator.Initializer is null)
            {
                report(Diagnostic.Create(DiagnosticCatalogue.ConfigurationField, location, field.Name));
            }
        }
    }

    /// <summary>EBPF1002 or EBPF1004 for what a field's initializer holds (non-constant values, map creation).</summary>
    /// <param name="field">A map field, or a static field programs use.</param>
    /// <param name="value">The initializer's value.</param>
    /// <param name="dsl">The DSL's symbols.</param>
    /// <param name="report">Receives each diagnostic.</param>
    public static void AnalyzeFieldInitializer(IFieldSymbol field, IOperation value, DslSymbols dsl, Action<Diagnostic> report)
    {
        if (field.IsConst)
        {
            return;
        }

        if (!dsl.IsMapType(field.Type))
        {
            if (field.IsReadOnly && !value.ConstantValue.HasValue)
            {
                report(Diagnostic.Create(DiagnosticCatalogue.ConfigurationField, value.Syntax.GetLocation(), field.Name));
            }

            return;
        }

        if (Unwrap(value) is not IObjectCreationOperation creation || !dsl.IsMapType(creation.Type!))
        {
            report(Diagnostic.Create(DiagnosticCatalogue.MapDeclaration, value.Syntax.GetLocation(), field.Name, "is not initialised with 'new(...)'"));
            return;
        }

        foreach (var argument in creation.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue && !argument.Value.ConstantValue.HasValue)
            {
                report(Diagnostic.Create(DiagnosticCatalogue.MapDeclaration, argument.Syntax.GetLocation(), field.Name, "has an argument that is not a constant"));
            }
        }

        if (creation.Initializer is { } objectInitializer)
        {
            report(Diagnostic.Create(DiagnosticCatalogue.MapDeclaration, objectInitializer.Syntax.GetLocation(), field.Name, "has an object initializer"));
        }
    }

    /// <summary>Both field checks, reading the initializer from source: what the front end runs for one field.</summary>
    /// <param name="field">A map field, or a static field programs use.</param>
    /// <param name="compilation">The field's compilation (for the initializer's semantic model).</param>
    /// <param name="dsl">The DSL's symbols.</param>
    /// <param name="report">Receives each diagnostic.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public static void AnalyzeField(IFieldSymbol field, Compilation compilation, DslSymbols dsl, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        AnalyzeFieldDeclaration(field, dsl, report, cancellationToken);
        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer: { } initializer }
                && compilation.ContainsSyntaxTree(initializer.SyntaxTree)
                && compilation.GetSemanticModel(initializer.SyntaxTree).GetOperation(initializer, cancellationToken) is IFieldInitializerOperation operation)
            {
                AnalyzeFieldInitializer(field, operation.Value, dsl, report);
            }
        }
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}

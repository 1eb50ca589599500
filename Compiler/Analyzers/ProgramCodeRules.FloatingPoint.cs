using System;
using System.Threading;
using Ebpf.Compiler.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Ebpf.Compiler.Analyzers;

/// <summary>
/// EBPF2004: floating point, reported where it enters the code — an explicit type, a literal, a cast, a call or a
/// member that yields it — not again at every operator that then works on it.
/// </summary>
internal static partial class ProgramCodeRules
{
    private static void AnalyzeVariableDeclaration(IOperation operation, DslSymbols dsl, Action<Diagnostic> report)
    {
        var declaration = (IVariableDeclarationOperation)operation;
        if (declaration.Syntax is VariableDeclarationSyntax { Type: { IsVar: false } type }
            && declaration.Declarators.Length > 0
            && IsFloatingPoint(declaration.Declarators[0].Symbol.Type))
        {
            Report(report, DiagnosticCatalogue.FloatingPoint, type, Display(declaration.Declarators[0].Symbol.Type));
        }
    }

    /// <summary>Parameters and return types of the source methods programs call (a program's own signature is EBPF1001's).</summary>
    public static void AnalyzeSignature(IMethodSymbol method, DslSymbols dsl, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        if (dsl.GetProgramKind(method) is not null)
        {
            return;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (syntax is MethodDeclarationSyntax declaration)
            {
                ReportType(report, declaration.ReturnType, method.ReturnType);
            }

            if (syntax is BaseMethodDeclarationSyntax { ParameterList: { } parameters })
            {
                for (int i = 0; i < parameters.Parameters.Count && i < method.Parameters.Length; i++)
                {
                    if (parameters.Parameters[i].Type is { } type)
                    {
                        ReportType(report, type, method.Parameters[i].Type);
                    }
                }
            }
        }
    }

    private static void ReportType(Action<Diagnostic> report, TypeSyntax syntax, ITypeSymbol type)
    {
        if (IsFloatingPoint(type))
        {
            report(Diagnostic.Create(DiagnosticCatalogue.FloatingPoint, syntax.GetLocation(), Display(type)));
        }
        else if (type.SpecialType == SpecialType.System_String)
        {
            report(Diagnostic.Create(DiagnosticCatalogue.StringOutsideFormat, syntax.GetLocation()));
        }
    }

    private static void AnalyzeFloatingPointCast(Action<Diagnostic> report, IConversionOperation conversion)
    {
        if (!conversion.IsImplicit && IsFloatingPoint(conversion.Type) && !IsFloatingPoint(conversion.Operand.Type)
            && conversion.Syntax is CastExpressionSyntax cast && !IsInsideReportedConstruct(conversion))
        {
            Report(report, DiagnosticCatalogue.FloatingPoint, cast.Type, Display(conversion.Type!));
        }

        if (conversion.IsChecked && !IsInsideReportedConstruct(conversion))
        {
            Report(report, DiagnosticCatalogue.Exceptions, conversion.Syntax, "Checked conversion");
        }
    }

    private static bool IsFloatingPoint(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type is not null
            && (type.SpecialType is SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal
                || type is { Name: "Half", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } });
    }
}

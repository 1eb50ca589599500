using Ebpf.Compiler.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Ebpf.Compiler.Analyzers;

/// <summary>
/// EBPF2004: floating point, reported where it enters the code — an explicit type, a literal, a cast, a call or a
/// member that yields it — not again at every operator that then works on it.
/// </summary>
public sealed partial class UnsupportedCSharpAnalyzer
{
    private static void AnalyzeVariableDeclaration(OperationAnalysisContext context, DslSymbols dsl)
    {
        var declaration = (IVariableDeclarationOperation)context.Operation;
        if (declaration.Syntax is VariableDeclarationSyntax { Type: { IsVar: false } type }
            && declaration.Declarators.Length > 0
            && IsFloatingPoint(declaration.Declarators[0].Symbol.Type))
        {
            Report(context, DiagnosticCatalogue.FloatingPoint, type, Display(declaration.Declarators[0].Symbol.Type));
        }
    }

    /// <summary>Parameters and return types of the source methods programs call (a program's own signature is EBPF1001's).</summary>
    private static void AnalyzeSignature(SymbolAnalysisContext context, DslSymbols dsl)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (dsl.GetProgramKind(method) is not null)
        {
            return;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(context.CancellationToken);
            if (syntax is MethodDeclarationSyntax declaration)
            {
                ReportType(context, declaration.ReturnType, method.ReturnType);
            }

            if (syntax is BaseMethodDeclarationSyntax { ParameterList: { } parameters })
            {
                for (int i = 0; i < parameters.Parameters.Count && i < method.Parameters.Length; i++)
                {
                    if (parameters.Parameters[i].Type is { } type)
                    {
                        ReportType(context, type, method.Parameters[i].Type);
                    }
                }
            }
        }
    }

    private static void ReportType(SymbolAnalysisContext context, TypeSyntax syntax, ITypeSymbol type)
    {
        if (IsFloatingPoint(type))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalogue.FloatingPoint, syntax.GetLocation(), Display(type)));
        }
        else if (type.SpecialType == SpecialType.System_String)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalogue.StringOutsideFormat, syntax.GetLocation()));
        }
    }

    private static void AnalyzeFloatingPointCast(OperationAnalysisContext context, IConversionOperation conversion)
    {
        if (!conversion.IsImplicit && IsFloatingPoint(conversion.Type) && !IsFloatingPoint(conversion.Operand.Type)
            && conversion.Syntax is CastExpressionSyntax cast && !IsInsideReportedConstruct(conversion))
        {
            Report(context, DiagnosticCatalogue.FloatingPoint, cast.Type, Display(conversion.Type!));
        }

        if (conversion.IsChecked && !IsInsideReportedConstruct(conversion))
        {
            Report(context, DiagnosticCatalogue.Exceptions, conversion.Syntax, "Checked conversion");
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

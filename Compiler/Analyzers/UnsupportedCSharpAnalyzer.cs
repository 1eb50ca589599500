using System;
using System.Collections.Immutable;
using Ebpf.Compiler.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Ebpf.Compiler.Analyzers;

/// <summary>
/// C# that has no eBPF equivalent, reported while typing inside program methods and the source methods they call:
/// heap allocation (EBPF2002), strings outside a trace_printk format (EBPF2003), floating point (EBPF2004),
/// exceptions (EBPF2005) and indirect calls (EBPF2006). Every occurrence is reported, not only the first.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed partial class UnsupportedCSharpAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticCatalogue.Allocation, DiagnosticCatalogue.StringOutsideFormat, DiagnosticCatalogue.FloatingPoint,
        DiagnosticCatalogue.Exceptions, DiagnosticCatalogue.IndirectCall);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (DslSymbols.Create(start.Compilation) is not { } dsl)
            {
                return;
            }

            var compilation = start.Compilation;
            void Register(Action<OperationAnalysisContext, DslSymbols> action, params OperationKind[] kinds) =>
                start.RegisterOperationAction(
                    operation =>
                    {
                        if (ProgramReachability.Get(compilation, dsl, operation.CancellationToken).IsProgramCode(operation.ContainingSymbol)
                            && operation.Operation.Syntax.FirstAncestorOrSelf<AttributeSyntax>() is null)
                        {
                            action(operation, dsl);
                        }
                    },
                    kinds);

            start.RegisterSymbolAction(
                symbol =>
                {
                    if (ProgramReachability.Get(compilation, dsl, symbol.CancellationToken).IsProgramCode(symbol.Symbol))
                    {
                        AnalyzeSignature(symbol, dsl);
                    }
                },
                SymbolKind.Method);
            Register(AnalyzeObjectCreation, OperationKind.ObjectCreation, OperationKind.AnonymousObjectCreation, OperationKind.ArrayCreation);
            Register(AnalyzeConversion, OperationKind.Conversion);
            Register(AnalyzeBinary, OperationKind.Binary);
            Register(AnalyzeInterpolatedString, OperationKind.InterpolatedString);
            Register(AnalyzeLiteral, OperationKind.Literal);
            Register(AnalyzeVariableDeclaration, OperationKind.VariableDeclaration);
            Register(AnalyzeInvocation, OperationKind.Invocation);
            Register(AnalyzeMemberReference, OperationKind.FieldReference, OperationKind.PropertyReference);
            Register(AnalyzeDelegateCreation, OperationKind.DelegateCreation);
            Register(AnalyzeExceptionHandling, OperationKind.Throw, OperationKind.Try, OperationKind.Using, OperationKind.UsingDeclaration);
            Register(AnalyzeCheckedArithmetic, OperationKind.Unary, OperationKind.Increment, OperationKind.Decrement, OperationKind.CompoundAssignment);
        });
    }

    /// <summary>
    /// Whether <paramref name="operation"/> sits inside a construct already reported for a broader reason
    /// (a <c>throw</c>, or a string concatenation or interpolation), so that one mistake gets one diagnostic.
    /// </summary>
    private static bool IsInsideReportedConstruct(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IThrowOperation or IInterpolatedStringOperation || IsStringConcatenation(parent))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsStringConcatenation(IOperation operation) =>
        operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String };

    private static void Report(OperationAnalysisContext context, DiagnosticDescriptor descriptor, SyntaxNode node, params object[] arguments) =>
        context.ReportDiagnostic(Diagnostic.Create(descriptor, node.GetLocation(), arguments));

    private static void Report(OperationAnalysisContext context, DiagnosticDescriptor descriptor, Location location, params object[] arguments) =>
        context.ReportDiagnostic(Diagnostic.Create(descriptor, location, arguments));

    private static string Display(ISymbol symbol) => symbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
}

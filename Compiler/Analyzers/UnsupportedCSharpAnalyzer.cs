using System.Collections.Immutable;
using Ebpf.Compiler.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Ebpf.Compiler.Analyzers;

/// <summary>
/// C# that has no eBPF equivalent, reported while typing inside program methods and the source methods they call:
/// heap allocation (EBPF2002), strings outside a trace_printk format (EBPF2003), floating point (EBPF2004),
/// exceptions (EBPF2005) and indirect calls (EBPF2006). Every occurrence is reported, not only the first.
/// The rules themselves are <see cref="ProgramCodeRules"/>, which the front end runs too.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnsupportedCSharpAnalyzer : DiagnosticAnalyzer
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
            start.RegisterSymbolAction(
                symbol =>
                {
                    if (ProgramReachability.Get(compilation, dsl, symbol.CancellationToken).IsProgramCode(symbol.Symbol))
                    {
                        ProgramCodeRules.AnalyzeSignature((IMethodSymbol)symbol.Symbol, dsl, symbol.ReportDiagnostic, symbol.CancellationToken);
                    }
                },
                SymbolKind.Method);
            start.RegisterOperationAction(
                operation =>
                {
                    if (ProgramReachability.Get(compilation, dsl, operation.CancellationToken).IsProgramCode(operation.ContainingSymbol))
                    {
                        ProgramCodeRules.Analyze(operation.Operation, dsl, operation.ReportDiagnostic);
                    }
                },
                ProgramCodeRules.Kinds);
        });
    }
}

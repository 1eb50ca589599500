using System.Collections.Immutable;
using Ebpf.Compiler.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Ebpf.Compiler.Analyzers;

/// <summary>
/// The shape rules: program signatures (EBPF1001), map declarations (EBPF1002), program name length (EBPF1003)
/// and configuration fields (EBPF1004).
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class ProgramShapeAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The longest program name the kernel keeps whole (BPF_OBJ_NAME_LEN − 1).</summary>
    public const int MaxProgramNameBytes = ProgramShapeRules.MaxProgramNameBytes;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticCatalogue.ProgramSignature, DiagnosticCatalogue.MapDeclaration,
        DiagnosticCatalogue.ProgramName, DiagnosticCatalogue.ConfigurationField);

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
            start.RegisterSymbolAction(symbol => ProgramShapeRules.AnalyzeProgramMethod((IMethodSymbol)symbol.Symbol, dsl, symbol.ReportDiagnostic, symbol.CancellationToken), SymbolKind.Method);
            start.RegisterSymbolAction(
                symbol => AnalyzeFieldDeclaration(symbol, dsl, ProgramReachability.Get(compilation, dsl, symbol.CancellationToken)),
                SymbolKind.Field);
            start.RegisterOperationAction(
                operation => AnalyzeFieldInitializer(operation, dsl, ProgramReachability.Get(compilation, dsl, operation.CancellationToken)),
                OperationKind.FieldInitializer);
        });
    }

    private static void AnalyzeFieldDeclaration(SymbolAnalysisContext context, DslSymbols dsl, ProgramReachability reachability)
    {
        var field = (IFieldSymbol)context.Symbol;
        if (IsChecked(field, dsl.IsMapType(field.Type), reachability))
        {
            ProgramShapeRules.AnalyzeFieldDeclaration(field, dsl, context.ReportDiagnostic, context.CancellationToken);
        }
    }

    private static void AnalyzeFieldInitializer(OperationAnalysisContext context, DslSymbols dsl, ProgramReachability reachability)
    {
        var initializer = (IFieldInitializerOperation)context.Operation;
        foreach (var field in initializer.InitializedFields)
        {
            if (IsChecked(field, dsl.IsMapType(field.Type), reachability))
            {
                ProgramShapeRules.AnalyzeFieldInitializer(field, initializer.Value, dsl, context.ReportDiagnostic);
            }
        }
    }

    /// <summary>Maps are checked where programs are declared or used; other static fields only where programs use them.</summary>
    private static bool IsChecked(IFieldSymbol field, bool isMap, ProgramReachability reachability) =>
        reachability.StaticFields.Contains(field.OriginalDefinition)
        || (isMap && reachability.ProgramClasses.Contains(field.ContainingType.OriginalDefinition));
}

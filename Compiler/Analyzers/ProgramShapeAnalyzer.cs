using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Ebpf.Compiler.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
    public const int MaxProgramNameBytes = 15;

    private static readonly ImmutableDictionary<string, string?> MakeStaticFix =
        ImmutableDictionary<string, string?>.Empty.Add(CodeFixKind.PropertyName, CodeFixKind.MakeStatic);

    private static readonly ImmutableDictionary<string, string?> MakeStaticReadonlyFix =
        ImmutableDictionary<string, string?>.Empty.Add(CodeFixKind.PropertyName, CodeFixKind.MakeStaticReadonly);

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
            start.RegisterSymbolAction(symbol => AnalyzeMethod(symbol, dsl), SymbolKind.Method);
            start.RegisterSymbolAction(
                symbol => AnalyzeFieldDeclaration(symbol, dsl, ProgramReachability.Get(compilation, dsl, symbol.CancellationToken)),
                SymbolKind.Field);
            start.RegisterOperationAction(
                operation => AnalyzeFieldInitializer(operation, dsl, ProgramReachability.Get(compilation, dsl, operation.CancellationToken)),
                OperationKind.FieldInitializer);
        });
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, DslSymbols dsl)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (dsl.GetProgramKind(method) is not { } kind)
        {
            return;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(context.CancellationToken) is not MethodDeclarationSyntax declaration)
            {
                continue;
            }

            string expected = kind.Signature(method.Name);
            void Report(Location location, ImmutableDictionary<string, string?>? properties = null) =>
                context.ReportDiagnostic(Diagnostic.Create(
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
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticCatalogue.ProgramName, declaration.Identifier.GetLocation(), method.Name, nameBytes));
            }
        }
    }

    private static void AnalyzeFieldDeclaration(SymbolAnalysisContext context, DslSymbols dsl, ProgramReachability reachability)
    {
        var field = (IFieldSymbol)context.Symbol;
        if (field.IsConst || field.IsImplicitlyDeclared)
        {
            return;
        }

        bool isMap = dsl.IsMapType(field.Type);
        if (!IsChecked(field, isMap, reachability))
        {
            return;
        }

        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(context.CancellationToken) is not VariableDeclaratorSyntax declarator)
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
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalogue.MapDeclaration, location, MakeStaticReadonlyFix, field.Name, problem));
                }

                if (declarator.Initializer is null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalogue.MapDeclaration, location, field.Name, "has no initializer"));
                }
            }
            else if (!field.IsReadOnly || declarator.Initializer is null)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalogue.ConfigurationField, location, field.Name));
            }
        }
    }

    private static void AnalyzeFieldInitializer(OperationAnalysisContext context, DslSymbols dsl, ProgramReachability reachability)
    {
        var initializer = (IFieldInitializerOperation)context.Operation;
        foreach (var field in initializer.InitializedFields)
        {
            if (field.IsConst)
            {
                continue;
            }

            bool isMap = dsl.IsMapType(field.Type);
            if (!IsChecked(field, isMap, reachability))
            {
                continue;
            }

            if (!isMap)
            {
                if (field.IsReadOnly && !initializer.Value.ConstantValue.HasValue)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalogue.ConfigurationField, initializer.Value.Syntax.GetLocation(), field.Name));
                }

                continue;
            }

            if (Unwrap(initializer.Value) is not IObjectCreationOperation creation || !dsl.IsMapType(creation.Type!))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticCatalogue.MapDeclaration, initializer.Value.Syntax.GetLocation(), field.Name, "is not initialised with 'new(...)'"));
                continue;
            }

            foreach (var argument in creation.Arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.DefaultValue && !argument.Value.ConstantValue.HasValue)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticCatalogue.MapDeclaration, argument.Syntax.GetLocation(), field.Name, "has an argument that is not a constant"));
                }
            }

            if (creation.Initializer is { } objectInitializer)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticCatalogue.MapDeclaration, objectInitializer.Syntax.GetLocation(), field.Name, "has an object initializer"));
            }
        }
    }

    /// <summary>Maps are checked where programs are declared or used; other static fields only where programs use them.</summary>
    private static bool IsChecked(IFieldSymbol field, bool isMap, ProgramReachability reachability) =>
        reachability.StaticFields.Contains(field.OriginalDefinition)
        || (isMap && reachability.ProgramClasses.Contains(field.ContainingType.OriginalDefinition));

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Ebpf.Compiler.Analyzers;

/// <summary>
/// What the programs of one compilation can reach: the program methods, the source methods they call (transitively),
/// and the static fields that code reads or writes. The analyzers check only this code, so ordinary C# elsewhere
/// in the project gets no squiggles.
/// </summary>
internal sealed class ProgramReachability
{
    private static readonly ConditionalWeakTable<Compilation, ProgramReachability> Cache = new();

    private ProgramReachability(ImmutableHashSet<IMethodSymbol> methods, ImmutableHashSet<IFieldSymbol> staticFields, ImmutableHashSet<INamedTypeSymbol> programClasses)
    {
        Methods = methods;
        StaticFields = staticFields;
        ProgramClasses = programClasses;
    }

    /// <summary>Program methods and every source method reachable from them (original definitions).</summary>
    public ImmutableHashSet<IMethodSymbol> Methods { get; }

    /// <summary>Static fields declared in source and used by reachable code.</summary>
    public ImmutableHashSet<IFieldSymbol> StaticFields { get; }

    /// <summary>Types that declare at least one program method.</summary>
    public ImmutableHashSet<INamedTypeSymbol> ProgramClasses { get; }

    /// <summary>Whether an operation or syntax node whose enclosing symbol is <paramref name="containingSymbol"/> is program code.</summary>
    public bool IsProgramCode(ISymbol? containingSymbol)
    {
        var symbol = containingSymbol;
        while (symbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        return symbol is IMethodSymbol method && Methods.Contains(method.OriginalDefinition);
    }

    /// <summary>The reachability of <paramref name="compilation"/>, computed once and shared by the analyzers.</summary>
    public static ProgramReachability Get(Compilation compilation, DslSymbols dsl, CancellationToken cancellationToken)
    {
        if (Cache.TryGetValue(compilation, out var cached))
        {
            return cached;
        }

        var computed = Compute(compilation, dsl, cancellationToken);
        return Cache.GetValue(compilation, _ => computed);
    }

    private static ProgramReachability Compute(Compilation compilation, DslSymbols dsl, CancellationToken cancellationToken)
    {
        var methods = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var fields = new HashSet<IFieldSymbol>(SymbolEqualityComparer.Default);
        var classes = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        var pending = new Stack<IMethodSymbol>();

        foreach (var program in FindProgramMethods(compilation, dsl, cancellationToken))
        {
            classes.Add(program.ContainingType);
            if (methods.Add(program))
            {
                pending.Push(program);
            }
        }

        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var reference in pending.Pop().DeclaringSyntaxReferences)
            {
                var node = reference.GetSyntax(cancellationToken);
                // RS1030: reachability needs the bodies of callees in other files; it is computed once per compilation.
#pragma warning disable RS1030
                var model = compilation.GetSemanticModel(node.SyntaxTree);
#pragma warning restore RS1030
                var body = model.GetOperation(node, cancellationToken);
                if (body is null)
                {
                    continue;
                }

                foreach (var operation in body.DescendantsAndSelf())
                {
                    foreach (var callee in Callees(operation))
                    {
                        var definition = callee.OriginalDefinition;
                        if (IsCompiledFromSource(definition, compilation) && methods.Add(definition))
                        {
                            pending.Push(definition);
                        }
                    }

                    if (operation is IFieldReferenceOperation { Field: { IsStatic: true } field }
                        && SymbolEqualityComparer.Default.Equals(field.ContainingAssembly, compilation.Assembly))
                    {
                        fields.Add(field.OriginalDefinition);
                    }
                }
            }
        }

        return new ProgramReachability(
            methods.ToImmutableHashSet<IMethodSymbol>(SymbolEqualityComparer.Default),
            fields.ToImmutableHashSet<IFieldSymbol>(SymbolEqualityComparer.Default),
            classes.ToImmutableHashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default));
    }

    private static IEnumerable<IMethodSymbol> FindProgramMethods(Compilation compilation, DslSymbols dsl, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            var root = tree.GetRoot(cancellationToken);
            SemanticModel? model = null;
            foreach (var declaration in root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
                         .OfType<MethodDeclarationSyntax>())
            {
                if (declaration.AttributeLists.Count == 0)
                {
                    continue;
                }

#pragma warning disable RS1030 // program methods are found once per compilation
                model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                if (model.GetDeclaredSymbol(declaration, cancellationToken) is IMethodSymbol method && dsl.GetProgramKind(method) is not null)
                {
                    yield return method;
                }
            }
        }
    }

    private static IEnumerable<IMethodSymbol> Callees(IOperation operation)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
                yield return invocation.TargetMethod;
                break;
            case IObjectCreationOperation { Constructor: { } constructor }:
                yield return constructor;
                break;
            case IPropertyReferenceOperation property:
                if (property.Property.GetMethod is { } getter)
                {
                    yield return getter;
                }

                if (property.Property.SetMethod is { } setter)
                {
                    yield return setter;
                }

                break;
            case IBinaryOperation { OperatorMethod: { } binary }:
                yield return binary;
                break;
            case IUnaryOperation { OperatorMethod: { } unary }:
                yield return unary;
                break;
            case IConversionOperation { OperatorMethod: { } conversion }:
                yield return conversion;
                break;
            case ICompoundAssignmentOperation { OperatorMethod: { } compound }:
                yield return compound;
                break;
            case IIncrementOrDecrementOperation { OperatorMethod: { } increment }:
                yield return increment;
                break;
        }
    }

    private static bool IsCompiledFromSource(IMethodSymbol method, Compilation compilation) =>
        !method.IsAbstract && !method.IsExtern && method.DeclaringSyntaxReferences.Length > 0
        && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly);
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Ebpf.Asm;
using Ebpf.Asm.Serialization;
using Ebpf.Compiler.Diagnostics;
using Ebpf.Compiler.Driver;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Ebpf.Compiler.Generator;

/// <summary>The compile step: one program class through the <see cref="ProgramCompiler"/> facade into a value model.</summary>
public sealed partial class ProgramImageGenerator
{
    private readonly Func<Compilation, INamedTypeSymbol, CancellationToken, ProgramCompilation> _compile;

    /// <summary>Creates the generator the compiler loads: it compiles with <see cref="ProgramCompiler.Compile"/>.</summary>
    public ProgramImageGenerator()
        : this(ProgramCompiler.Compile)
    {
    }

    /// <summary>Creates a generator that compiles with <paramref name="compile"/> (a seam for tests).</summary>
    /// <param name="compile">Compiles one program class.</param>
    public ProgramImageGenerator(Func<Compilation, INamedTypeSymbol, CancellationToken, ProgramCompilation> compile)
    {
        _compile = compile ?? throw new ArgumentNullException(nameof(compile));
    }

    private ProgramClassResult CompileClass(Compilation compilation, string metadataName, CancellationToken cancellationToken)
    {
        INamedTypeSymbol? type = compilation.GetTypeByMetadataName(metadataName);
        if (type is null)
        {
            return new ProgramClassResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        try
        {
            ProgramCompilation compiled = _compile(compilation, type, cancellationToken);
            EquatableArray<DiagnosticInfo> diagnostics = compiled.Diagnostics
                .Where(diagnostic => !DiagnosticCatalogue.AnalyzerOwned.Contains(diagnostic.Id))
                .Select(DiagnosticInfo.From)
                .ToEquatableArray();
            ProgramClassModel? model = compiled.Image is null ? null : BuildModel(compilation, type, metadataName, compiled.Image);
            return new ProgramClassResult(model, diagnostics);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception error)
        {
            Location location = type.Locations.FirstOrDefault() ?? Location.None;
            Diagnostic diagnostic = Diagnostic.Create(DiagnosticCatalogue.InternalError, location, error.GetType().FullName, error.Message);
            return new ProgramClassResult(null, new EquatableArray<DiagnosticInfo>(new[] { DiagnosticInfo.From(diagnostic) }));
        }
    }

    private static ProgramClassModel BuildModel(Compilation compilation, INamedTypeSymbol type, string metadataName, CollectionImage image)
    {
        var mapNames = new HashSet<string>(image.Maps.Select(map => map.Name), StringComparer.Ordinal);
        var mapTypes = new List<MapTypeInfo>();
        foreach (IFieldSymbol field in type.GetMembers().OfType<IFieldSymbol>())
        {
            if (field.IsStatic && mapNames.Contains(field.Name) &&
                field.Type.ContainingNamespace?.ToDisplayString() == "Ebpf.Dsl.Maps" &&
                compilation.IsSymbolAccessibleWithin(field.Type, compilation.Assembly))
            {
                mapTypes.Add(new MapTypeInfo(field.Name, field.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)));
            }
        }

        bool canAddMembers = type.ContainingType is null && type.TypeKind == TypeKind.Class && type.DeclaringSyntaxReferences.Length > 0 &&
            type.DeclaringSyntaxReferences.All(reference =>
                reference.GetSyntax() is ClassDeclarationSyntax declaration &&
                declaration.Modifiers.Any(modifier => modifier.IsKind(SyntaxKind.PartialKeyword)));

        return new ProgramClassModel(
            metadataName,
            type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
            type.Name,
            type.IsStatic ? "static partial class" : "partial class",
            canAddMembers,
            new EquatableArray<byte>(CollectionImageSerializer.Serialize(image)),
            mapTypes.ToEquatableArray());
    }
}

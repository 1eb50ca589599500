using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Ebpf.Asm;
using Ebpf.Asm.Serialization;
using Microsoft.CodeAnalysis;

namespace Ebpf.Compiler.Generator;

/// <summary>
/// Writes a typed skeleton (<c>TailChainSkeleton</c>) for every program class embedded in a referenced program
/// assembly, in compilations that reference Ebpf.Loader: typed map views, one property per program, and
/// <c>Load(...)</c>. The program assembly cannot reference the loader, so the skeleton is generated where both meet,
/// from the metadata the <see cref="ProgramImageGenerator"/> wrote (<see cref="EmbeddedCollectionAttribute"/>,
/// <see cref="EmbeddedMapTypeAttribute"/>).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SkeletonGenerator : IIncrementalGenerator
{
    /// <summary>Tracking name of the step that reads the referenced program assemblies.</summary>
    public const string SkeletonsStep = "Skeletons";

    private const string SkeletonBase = "Ebpf.Loader.Skeletons.CollectionSkeleton";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<SkeletonModel> skeletons = context.CompilationProvider
            .Select(static (compilation, cancellationToken) => FindSkeletons(compilation, cancellationToken))
            .SelectMany(static (models, _) => models)
            .WithTrackingName(SkeletonsStep);

        context.RegisterSourceOutput(skeletons, static (output, model) =>
            output.AddSource(model.ProgramClass.Replace('+', '.') + ".Skeleton.g.cs", SkeletonSourceWriter.Write(model)));
    }

    private static EquatableArray<SkeletonModel> FindSkeletons(Compilation compilation, CancellationToken cancellationToken)
    {
        if (compilation.GetTypeByMetadataName(SkeletonBase) is null)
        {
            return EquatableArray<SkeletonModel>.Empty;
        }

        var models = new List<SkeletonModel>();
        foreach (MetadataReference reference in compilation.References)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly)
            {
                models.AddRange(FromAssembly(compilation, assembly));
            }
        }

        return models.OrderBy(model => model.ProgramClass, StringComparer.Ordinal).ToEquatableArray();
    }

    private static IEnumerable<SkeletonModel> FromAssembly(Compilation compilation, IAssemblySymbol assembly)
    {
        ImmutableArray<AttributeData> attributes = assembly.GetAttributes();
        var mapTypes = new Dictionary<(string ProgramClass, string Map), ITypeSymbol>();
        foreach (AttributeData attribute in attributes)
        {
            if (IsAttribute(attribute, nameof(EmbeddedMapTypeAttribute)) && attribute.ConstructorArguments.Length == 3 &&
                attribute.ConstructorArguments[0].Value is string programClass && attribute.ConstructorArguments[1].Value is string map &&
                attribute.ConstructorArguments[2].Value is ITypeSymbol type)
            {
                mapTypes[(programClass, map)] = type;
            }
        }

        foreach (AttributeData attribute in attributes)
        {
            if (!IsAttribute(attribute, nameof(EmbeddedCollectionAttribute)) || attribute.ConstructorArguments.Length != 2 ||
                attribute.ConstructorArguments[0].Value is not string programClass ||
                attribute.ConstructorArguments[1].Kind != TypedConstantKind.Array)
            {
                continue;
            }

            byte[] bytes = attribute.ConstructorArguments[1].Values.Select(value => (byte)value.Value!).ToArray();
            CollectionImage image;
            try
            {
                image = CollectionImageSerializer.Deserialize(bytes);
            }
            catch (System.IO.InvalidDataException)
            {
                continue; // written by another version of the generator: no skeleton rather than a broken one
            }

            int lastDot = programClass.LastIndexOf('.');
            string simpleName = programClass.Substring(lastDot + 1);
            simpleName = simpleName.Substring(simpleName.LastIndexOf('+') + 1);
            string? ns = lastDot < 0 ? null : programClass.Substring(0, lastDot);
            if (compilation.GetTypeByMetadataName((ns is null ? "" : ns + ".") + simpleName + "Skeleton") is not null)
            {
                continue; // a referenced assembly (e.g. Ebpf.Loader) already has this skeleton
            }

            yield return new SkeletonModel(
                assembly.Identity.Name,
                programClass,
                ns,
                simpleName + "Skeleton",
                image.Maps.Select(map => MapViewNames.For(map.Name, mapTypes.TryGetValue((programClass, map.Name), out ITypeSymbol? type) ? type : null, compilation))
                    .ToEquatableArray(),
                image.Programs.Select(program => program.Name).ToEquatableArray());
        }
    }

    private static bool IsAttribute(AttributeData attribute, string name) =>
        attribute.AttributeClass is { Name: var className, ContainingNamespace: var ns } &&
        className == name && ns.ToDisplayString() == "Ebpf.Asm.Serialization";
}

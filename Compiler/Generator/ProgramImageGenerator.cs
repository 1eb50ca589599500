using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Ebpf.Compiler.Generator;

/// <summary>
/// Compiles every DSL program class of the compilation and embeds its image: an <c>Image</c> property on the class
/// (when it is a top-level partial class) and an assembly-level <c>EmbeddedCollectionAttribute</c> that loaders
/// read from metadata. Diagnostics flow in their own pipeline, so an edit that changes only diagnostics does not
/// regenerate code, and one that changes neither (a comment) leaves every output cached.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class ProgramImageGenerator : IIncrementalGenerator
{
    /// <summary>Tracking name of the step that finds program classes (by attribute).</summary>
    public const string ProgramClassesStep = "ProgramClasses";

    /// <summary>Tracking name of the step that compiles each program class.</summary>
    public const string CompiledClassesStep = "CompiledClasses";

    /// <summary>Tracking name of the step that keeps only the models to emit.</summary>
    public const string ModelsStep = "Models";

    /// <summary>Tracking name of the step that keeps only the diagnostics to report.</summary>
    public const string DiagnosticsStep = "Diagnostics";

    /// <summary>The program attributes, by full metadata name.</summary>
    internal static readonly ImmutableArray<string> ProgramAttributes = ImmutableArray.Create(
        "Ebpf.Dsl.XdpAttribute",
        "Ebpf.Dsl.XdpSlotAttribute",
        "Ebpf.Dsl.XdpRootAttribute",
        "Ebpf.Dsl.CgroupSkbAttribute",
        "Ebpf.Dsl.SchedClsAttribute",
        "Ebpf.Dsl.SocketFilterAttribute");

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<ImmutableArray<string>> found = FindClasses(context, ProgramAttributes[0]);
        foreach (string attribute in ProgramAttributes.Skip(1))
        {
            found = found.Combine(FindClasses(context, attribute)).Select(static (pair, _) => pair.Left.AddRange(pair.Right));
        }

        IncrementalValuesProvider<string> classes = found
            .SelectMany(static (names, _) => names.Distinct().OrderBy(name => name, System.StringComparer.Ordinal))
            .WithTrackingName(ProgramClassesStep);

        IncrementalValuesProvider<ProgramClassResult> compiled = classes
            .Combine(context.CompilationProvider)
            .Select((pair, cancellationToken) => CompileClass(pair.Right, pair.Left, cancellationToken))
            .WithTrackingName(CompiledClassesStep);

        IncrementalValuesProvider<ProgramClassModel> models = compiled
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(ModelsStep);

        IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics = compiled
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(DiagnosticsStep);

        context.RegisterSourceOutput(models, static (output, model) =>
        {
            output.AddSource(ImageSourceWriter.HintName(model), ImageSourceWriter.Write(model));
        });

        context.RegisterSourceOutput(diagnostics, static (output, infos) =>
        {
            foreach (DiagnosticInfo info in infos)
            {
                output.ReportDiagnostic(info.ToDiagnostic());
            }
        });
    }

    private static IncrementalValueProvider<ImmutableArray<string>> FindClasses(IncrementalGeneratorInitializationContext context, string attribute) =>
        context.SyntaxProvider.ForAttributeWithMetadataName(
                attribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (attributed, _) => attributed.TargetSymbol.ContainingType is { } type
                    ? MetadataName(type)
                    : null)
            .Where(static name => name is not null)
            .Select(static (name, _) => name!)
            .Collect();

    /// <summary>The name <see cref="Compilation.GetTypeByMetadataName"/> finds (nested types joined with '+').</summary>
    internal static string MetadataName(INamedTypeSymbol type)
    {
        var parts = new Stack<string>();
        ISymbol? current = type;
        while (current is INamedTypeSymbol named)
        {
            parts.Push(named.MetadataName);
            current = named.ContainingType;
            if (current is not null)
            {
                parts.Push("+");
            }
        }

        string ns = type.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() + "." : "";
        return ns + string.Concat(parts);
    }
}

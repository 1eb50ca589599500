using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Ebpf.Compiler.Tests.Generator;

/// <summary>Compilations against the real Dsl, Asm and (for skeletons) Loader assemblies, and a tracking generator driver.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> PlatformReferences = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) ||
                           Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    /// <summary>Runtime + Ebpf.Asm + Ebpf.Dsl: what a program assembly references.</summary>
    public static ImmutableArray<MetadataReference> ProgramReferences =>
        PlatformReferences.Value
            .Add(MetadataReference.CreateFromFile(typeof(Ebpf.Asm.CollectionImage).Assembly.Location))
            .Add(MetadataReference.CreateFromFile(typeof(Ebpf.Dsl.XdpAttribute).Assembly.Location));

    /// <summary>Program references + Ebpf.Loader: what a user-space assembly references.</summary>
    public static ImmutableArray<MetadataReference> LoaderReferences =>
        ProgramReferences.Add(MetadataReference.CreateFromFile(typeof(Ebpf.Loader.Loading.Collection).Assembly.Location));

    public static CSharpCompilation Compile(string assemblyName, IEnumerable<MetadataReference> references, params string[] sources) =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"/src/{assemblyName}/File{i}.cs")),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(params IIncrementalGenerator[] generators) =>
        CSharpGeneratorDriver.Create(
            generators.Select(generator => generator.AsSourceGenerator()),
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the driver; the output compilation must have no errors or warnings.</summary>
    public static (GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> Generated) Run(GeneratorDriver driver, Compilation input)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> generated, TestContext.Current.CancellationToken);
        return (driver, output, generated);
    }

    public static void AssertNoProblems(Compilation output)
    {
        Diagnostic[] problems = output.GetDiagnostics(TestContext.Current.CancellationToken)
            .Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning)
            .ToArray();
        Assert.True(problems.Length == 0, string.Join(Environment.NewLine, problems.Select(problem => problem.ToString())));
    }

    /// <summary>Emits the compilation and loads it (default load context, so Ebpf.Asm resolves to the test's copy).</summary>
    public static Assembly EmitAndLoad(Compilation output)
    {
        byte[] image = Emit(output);
        return Assembly.Load(image);
    }

    public static byte[] Emit(Compilation output)
    {
        using var stream = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result = output.Emit(stream, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return stream.ToArray();
    }

    /// <summary>The reasons recorded for the outputs of the tracked step <paramref name="stepName"/> in the last run.</summary>
    public static IncrementalStepRunReason[] Reasons(GeneratorDriver driver, string stepName) =>
        driver.GetRunResult().Results.Single().TrackedSteps.TryGetValue(stepName, out ImmutableArray<IncrementalGeneratorRunStep> steps)
            ? steps.SelectMany(step => step.Outputs).Select(output => output.Reason).ToArray()
            : Array.Empty<IncrementalStepRunReason>();

    /// <summary>The reasons recorded for every source/diagnostic output of the last run.</summary>
    public static IncrementalStepRunReason[] OutputReasons(GeneratorDriver driver, string outputKind) =>
        driver.GetRunResult().Results.Single().TrackedOutputSteps.TryGetValue(outputKind, out ImmutableArray<IncrementalGeneratorRunStep> steps)
            ? steps.SelectMany(step => step.Outputs).Select(output => output.Reason).ToArray()
            : Array.Empty<IncrementalStepRunReason>();

    /// <summary>The reasons recorded for the source outputs fed by the tracked step <paramref name="inputStep"/>.</summary>
    public static IncrementalStepRunReason[] OutputReasonsFrom(GeneratorDriver driver, string inputStep) =>
        driver.GetRunResult().Results.Single().TrackedOutputSteps.TryGetValue("SourceOutput", out ImmutableArray<IncrementalGeneratorRunStep> steps)
            ? steps.Where(step => step.Inputs.Any(input => input.Source.Name == inputStep))
                .SelectMany(step => step.Outputs).Select(output => output.Reason).ToArray()
            : Array.Empty<IncrementalStepRunReason>();
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Ebpf.Compiler.Tests.Analyzers;

/// <summary>Compiles snippets against the real DSL assembly and runs the eBPF analyzers on them.</summary>
internal static class AnalyzerRunner
{
    /// <summary>Usings every snippet gets, on one line so that markup offsets stay easy to read.</summary>
    public const string Usings = "using System; using Ebpf.Dsl; using Ebpf.Dsl.Maps; using Ebpf.Dsl.Packets;\n";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var paths = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string path in ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator))
        {
            paths.Add(path);
        }

        paths.Add(typeof(Ebpf.Dsl.XdpAttribute).Assembly.Location);
        paths.Add(typeof(Ebpf.Asm.MapPinning).Assembly.Location);
        return paths.Where(File.Exists).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    });

    /// <summary>Compiles <paramref name="source"/> (which must be valid C#) into a compilation with nullable analysis on.</summary>
    public static CSharpCompilation Compile(string source, bool checkedArithmetic = false) =>
        Compile(new[] { ("Program.cs", source) }, checkedArithmetic);

    /// <summary>Compiles several files (path, text), which together must be valid C#.</summary>
    public static CSharpCompilation Compile(IEnumerable<(string Path, string Text)> files, bool checkedArithmetic = false)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, path: f.Path)).ToArray();
        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            checkOverflow: checkedArithmetic);
        var compilation = CSharpCompilation.Create("Snippet", trees, References.Value, options);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (errors.Length > 0)
        {
            throw new InvalidOperationException("the snippet does not compile:\n" + string.Join("\n", errors.Select(e => e.ToString())));
        }

        return compilation;
    }

    /// <summary>The EBPF diagnostics the analyzers report for <paramref name="compilation"/>, ordered by position.</summary>
    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation, params DiagnosticAnalyzer[] analyzers)
    {
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create(analyzers),
            new CompilationWithAnalyzersOptions(
                AnalyzerOptions(), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        var failures = diagnostics.Where(d => d.Id == "AD0001").ToArray();
        if (failures.Length > 0)
        {
            throw new InvalidOperationException("an analyzer threw:\n" + string.Join("\n", failures.Select(f => f.ToString())));
        }

        return diagnostics
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    private static AnalyzerOptions AnalyzerOptions() => new(ImmutableArray<AdditionalText>.Empty);
}

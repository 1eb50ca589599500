using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Ebpf.Compiler.Analyzers;
using Ebpf.Compiler.Driver;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Ebpf.Compiler.Cli
{
    /// <summary>
    /// Compiles DSL source files outside any project: one <see cref="CSharpCompilation"/> against Ebpf.Dsl and the platform,
    /// the shape analyzers, then <see cref="ProgramCompiler"/> for every program class.
    /// </summary>
    public static class DslSourceCompiler
    {
        /// <summary>Parses <paramref name="sources"/> (path → text) and compiles every program class they declare.</summary>
        /// <param name="sources">Each file's path (as diagnostics should name it) and text.</param>
        /// <param name="cancellationToken">Cancels the work.</param>
        public static DslCompilationResult Compile(IReadOnlyList<KeyValuePair<string, string>> sources, CancellationToken cancellationToken)
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            SyntaxTree[] trees = sources
                .Select(source => CSharpSyntaxTree.ParseText(source.Value, parseOptions, source.Key, Encoding.UTF8, cancellationToken))
                .ToArray();
            CSharpCompilation compilation = CSharpCompilation.Create(
                "EbpfPrograms",
                trees,
                References(),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));

            var diagnostics = new List<Diagnostic>();
            ImmutableArray<DiagnosticAnalyzer> analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ProgramShapeAnalyzer(), new UnsupportedCSharpAnalyzer());
            CompilationWithAnalyzers withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                AnalyzerOptions(), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
            diagnostics.AddRange(withAnalyzers.GetAllDiagnosticsAsync(cancellationToken).GetAwaiter().GetResult());
            bool csharpErrors = compilation.GetDiagnostics(cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error);

            var classes = new List<CompiledProgramClass>();
            if (!csharpErrors)
            {
                foreach (INamedTypeSymbol programClass in ProgramCompiler.FindProgramClasses(compilation, cancellationToken))
                {
                    ProgramCompilation result = ProgramCompiler.Compile(compilation, programClass, cancellationToken);
                    diagnostics.AddRange(result.Diagnostics);
                    classes.Add(new CompiledProgramClass(FileName(programClass), programClass.ToDisplayString(), result.Image));
                }
            }

            return new DslCompilationResult(Distinct(diagnostics), classes);
        }

        /// <summary>Ebpf.Dsl, Ebpf.Asm (its enums) and the platform's reference assemblies.</summary>
        private static IEnumerable<MetadataReference> References() =>
            PlatformReferences.Paths()
                .Append(typeof(Ebpf.Dsl.XdpAttribute).Assembly.Location)
                .Append(typeof(Ebpf.Asm.ProgramImage).Assembly.Location)
                .Distinct(StringComparer.Ordinal)
                .Select(path => MetadataReference.CreateFromFile(path));

        private static AnalyzerOptions AnalyzerOptions() => new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);

        /// <summary>
        /// The analyzers and the front end both report shape rules (so a compile outside the IDE sees every problem):
        /// keep one diagnostic per id and location, sorted by file and position like csc.
        /// </summary>
        private static IReadOnlyList<Diagnostic> Distinct(List<Diagnostic> diagnostics) =>
            diagnostics
                .GroupBy(d => (d.Id, d.Location.SourceTree?.FilePath, d.Location.SourceSpan))
                .Select(group => group.First())
                .OrderBy(d => d.Location.SourceTree?.FilePath ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToList();

        /// <summary>The output name of a program class: its name, with containing types joined by '+' (<c>Outer+Inner</c>).</summary>
        private static string FileName(INamedTypeSymbol programClass)
        {
            string name = programClass.MetadataName;
            for (INamedTypeSymbol? outer = programClass.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                name = outer.MetadataName + "+" + name;
            }

            return name;
        }
    }
}

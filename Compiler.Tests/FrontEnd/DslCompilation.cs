using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Ebpf.Asm;
using Ebpf.Compiler.Driver;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Ebpf.Compiler.Tests.FrontEnd
{
    /// <summary>Compiles DSL snippets with Roslyn against the real Ebpf.Dsl assembly and runs <see cref="ProgramCompiler"/>.</summary>
    internal static class DslCompilation
    {
        private static readonly Lazy<MetadataReference[]> References = new(() =>
        {
            string[] platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
            return platform
                .Append(typeof(Ebpf.Dsl.XdpAttribute).Assembly.Location)
                .Append(typeof(ProgramImage).Assembly.Location)
                .Distinct()
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToArray();
        });

        public const string Usings = "using Ebpf.Dsl;\nusing Ebpf.Dsl.Maps;\nusing Ebpf.Dsl.Packets;\n";

        /// <summary>A compilation of the sources (file names Program0.cs, …) that must have no C# errors.</summary>
        public static CSharpCompilation Create(params string[] sources)
        {
            var trees = sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path: $"Program{i}.cs")).ToArray();
            var compilation = CSharpCompilation.Create(
                "DslSnippets",
                trees,
                References.Value,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
            Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            if (errors.Length > 0)
            {
                throw new InvalidOperationException("the snippet does not compile as C#:\n" + string.Join("\n", errors.Select(e => e.ToString())));
            }

            return compilation;
        }

        /// <summary>Compiles the class <paramref name="className"/> of the sources.</summary>
        public static ProgramCompilation Compile(string className, params string[] sources)
        {
            CSharpCompilation compilation = Create(sources);
            INamedTypeSymbol type = compilation.GetSymbolsWithName(className, SymbolFilter.Type).OfType<INamedTypeSymbol>().Single();
            return ProgramCompiler.Compile(compilation, type, CancellationToken.None);
        }

        /// <summary>A class with one program around <paramref name="body"/>.</summary>
        public static string Xdp(string body, string members = "") =>
            Usings + "public static class P\n{\n" + members + "\n    [Xdp]\n    public static XdpAction Run(XdpContext ctx)\n    {\n" + body + "\n    }\n}\n";

        /// <summary>The image of a snippet that must compile without diagnostics.</summary>
        public static CollectionImage Image(string className, params string[] sources)
        {
            ProgramCompilation result = Compile(className, sources);
            if (result.Image is null || result.Diagnostics.Length > 0)
            {
                throw new InvalidOperationException("expected no diagnostics:\n" + string.Join("\n", result.Diagnostics.Select(d => d.ToString())));
            }

            return result.Image;
        }

        /// <summary>A program's listing without slots or source comments, one instruction per line.</summary>
        public static string Listing(ProgramImage image) =>
            Disassembler.List(image, new DisassemblyOptions { ShowSlots = false, ShowSource = false, HelperNames = true }).TrimEnd('\n');

        /// <summary>The text of a file next to this one (the DSL programs the tests also run on the CLR).</summary>
        public static string Source(string relativePath, [CallerFilePath] string here = "") =>
            File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, relativePath));

        /// <summary>Diagnostics as "ID line:column" (1-based), sorted.</summary>
        public static string[] Describe(IEnumerable<Diagnostic> diagnostics) =>
            diagnostics
                .Select(d => $"{d.Id} {d.Location.GetLineSpan().StartLinePosition.Line + 1}:{d.Location.GetLineSpan().StartLinePosition.Character + 1}")
                .OrderBy(s => s, StringComparer.Ordinal)
                .ToArray();
    }
}

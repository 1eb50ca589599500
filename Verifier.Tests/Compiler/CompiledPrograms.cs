using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Ebpf.Asm;
using Ebpf.Compiler.Driver;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Ebpf.Verifier.Tests.Compiler
{
    /// <summary>Compiles the DSL programs of Compiler.Tests/FrontEnd/Programs (the same files this assembly runs on the CLR).</summary>
    internal static class CompiledPrograms
    {
        /// <summary>The collection image of <paramref name="className"/>, which must compile without diagnostics.</summary>
        public static CollectionImage Compile(string className, params string[] files) =>
            CompileText(className, files.Select(file => (file, File.ReadAllText(Path.Combine(Directory(), file)))).ToArray());

        /// <summary>The collection image of <paramref name="className"/> in the given (path, text) sources.</summary>
        public static CollectionImage CompileText(string className, params (string Path, string Text)[] sources)
        {
            string[] platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
            MetadataReference[] references = platform
                .Append(typeof(Ebpf.Dsl.XdpAttribute).Assembly.Location)
                .Append(typeof(ProgramImage).Assembly.Location)
                .Distinct()
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToArray();
            SyntaxTree[] trees = sources.Select(source => CSharpSyntaxTree.ParseText(source.Text, path: source.Path)).ToArray();
            CSharpCompilation compilation = CSharpCompilation.Create(
                "CompiledPrograms",
                trees,
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            INamedTypeSymbol type = compilation.GetSymbolsWithName(className, SymbolFilter.Type).OfType<INamedTypeSymbol>().Single();
            ProgramCompilation result = ProgramCompiler.Compile(compilation, type, CancellationToken.None);
            if (result.Image is null || !result.Diagnostics.IsEmpty)
            {
                throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Select(d => d.ToString())));
            }

            return result.Image;
        }

        private static string Directory([CallerFilePath] string here = "") =>
            Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "Compiler.Tests", "FrontEnd", "Programs"));
    }
}

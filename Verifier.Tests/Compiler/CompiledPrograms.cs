using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Ebpf.Asm;
using Ebpf.Compiler.Driver;
using Ebpf.Verifier.Tests.Differential;
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

        /// <summary>
        /// The collection image of <paramref name="className"/> compiled in-test from files of Programs/<paramref name="folder"/>
        /// (the shipped sources the Ebpf.Programs types this assembly runs on the CLR are built from).
        /// </summary>
        public static CollectionImage CompileShipped(string className, string folder, params string[] files) =>
            CompileText(className, files.Select(file => (file, File.ReadAllText(Path.Combine(Directory(), "..", "..", "..", "Programs", folder, file)))).ToArray());

        /// <summary>The collection image of <paramref name="className"/> in the given (path, text) sources.</summary>
        public static CollectionImage CompileText(string className, params (string Path, string Text)[] sources) =>
            CompileClass(DifferentialSources.CreateCompilation("CompiledPrograms", sources), className);

        /// <summary>The collection image of <paramref name="className"/> in <paramref name="compilation"/>.</summary>
        public static CollectionImage CompileClass(CSharpCompilation compilation, string className)
        {
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

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Ebpf.Asm;
using Ebpf.Loader.Skeletons;
using Ebpf.Verifier.Tests.Compiler;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace Ebpf.Verifier.Tests.Differential
{
    /// <summary>Where the harness gets images: the front end run in-test on source files, or the built Ebpf.Programs assembly.</summary>
    internal static class DifferentialSources
    {
        /// <summary>Compiles <paramref name="className"/> from files of Verifier.Tests/Differential/Programs.</summary>
        public static CollectionImage CompileOwn(string className, params string[] files) =>
            CompiledPrograms.CompileText(className, files.Select(file => (file, File.ReadAllText(Path.Combine(Here(), "Programs", file)))).ToArray());

        /// <summary>A C# compilation of <paramref name="sources"/> against the platform, Ebpf.Dsl and Ebpf.Asm.</summary>
        public static CSharpCompilation CreateCompilation(string assemblyName, params (string Path, string Text)[] sources)
        {
            string[] platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
            MetadataReference[] references = platform
                .Append(typeof(Ebpf.Dsl.XdpAttribute).Assembly.Location)
                .Append(typeof(ProgramImage).Assembly.Location)
                .Distinct()
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToArray();
            SyntaxTree[] trees = sources.Select(source => CSharpSyntaxTree.ParseText(source.Text, path: source.Path)).ToArray();
            return CSharpCompilation.Create(
                assemblyName,
                trees,
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        }

        /// <summary>
        /// Compiles <paramref name="className"/> twice from the same sources: to a BPF image by the front end, and to IL
        /// loaded into this process, so the harness can run C# that exists only as text (Compiler.Tests' snippets).
        /// </summary>
        public static (CollectionImage Image, Type ProgramClass) CompileBoth(string className, params (string Path, string Text)[] sources)
        {
            CSharpCompilation compilation = CreateCompilation("Differential" + Guid.NewGuid().ToString("N"), sources);
            CollectionImage image = CompiledPrograms.CompileClass(compilation, className);
            using var il = new MemoryStream();
            EmitResult emitted = compilation.Emit(il);
            if (!emitted.Success)
            {
                throw new InvalidOperationException(string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }

            Assembly assembly = Assembly.Load(il.ToArray());
            return (image, assembly.GetType(className, throwOnError: true)!);
        }

        /// <summary>The image the source generator embedded in Ebpf.Programs for <paramref name="programClass"/>.</summary>
        public static CollectionImage Embedded(Type programClass)
        {
            IReadOnlyDictionary<string, CollectionImage> images = EmbeddedCollections.ReadAll(programClass.Assembly);
            return images.TryGetValue(programClass.FullName!, out CollectionImage? image)
                ? image
                : throw new InvalidOperationException($"no embedded image for {programClass.FullName} (have: {string.Join(", ", images.Keys)})");
        }

        private static string Here([CallerFilePath] string here = "") => Path.GetDirectoryName(here)!;
    }
}

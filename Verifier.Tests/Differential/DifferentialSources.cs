using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Ebpf.Asm;
using Ebpf.Loader.Skeletons;
using Ebpf.Verifier.Tests.Compiler;

namespace Ebpf.Verifier.Tests.Differential
{
    /// <summary>Where the harness gets images: the front end run in-test on source files, or the built Ebpf.Programs assembly.</summary>
    internal static class DifferentialSources
    {
        /// <summary>Compiles <paramref name="className"/> from files of Verifier.Tests/Differential/Programs.</summary>
        public static CollectionImage CompileOwn(string className, params string[] files) =>
            CompiledPrograms.CompileText(className, files.Select(file => (file, File.ReadAllText(Path.Combine(Here(), "Programs", file)))).ToArray());

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

using System.Collections.Immutable;
using Ebpf.Asm;
using Ebpf.Compiler.Driver;
using Microsoft.CodeAnalysis;

namespace Ebpf.Compiler.Tests.Generator;

/// <summary>Builds facade results for the stand-in front end.</summary>
internal static class ProgramCompilations
{
    public static ProgramCompilation Create(CollectionImage? image, ImmutableArray<Diagnostic> diagnostics) =>
        new(image, diagnostics);
}

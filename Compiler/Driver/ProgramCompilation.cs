using System.Collections.Immutable;
using Ebpf.Asm;
using Microsoft.CodeAnalysis;

namespace Ebpf.Compiler.Driver
{
    /// <summary>The result of compiling one program class: its image (null when there are errors) and every diagnostic found.</summary>
    public sealed class ProgramCompilation
    {
        /// <summary>Creates a result.</summary>
        /// <param name="image">The compiled maps and programs, or null when <paramref name="diagnostics"/> has errors.</param>
        /// <param name="diagnostics">Every problem found, each at its C# location.</param>
        public ProgramCompilation(CollectionImage? image, ImmutableArray<Diagnostic> diagnostics)
        {
            Image = image;
            Diagnostics = diagnostics;
        }

        /// <summary>The maps and programs of the class, with relocations and source maps; null when there are errors.</summary>
        public CollectionImage? Image { get; }

        /// <summary>Every diagnostic, errors and warnings, in the order found.</summary>
        public ImmutableArray<Diagnostic> Diagnostics { get; }
    }
}

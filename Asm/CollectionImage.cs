using System;
using System.Collections.Generic;

namespace Ebpf.Asm
{
    /// <summary>
    /// Programs and the maps they share, as one unit the loader creates together (what an ELF object holds).
    /// </summary>
    public sealed record CollectionImage(IReadOnlyList<MapDefinition> Maps, IReadOnlyList<ProgramImage> Programs)
    {
        /// <summary>An empty collection.</summary>
        public static CollectionImage Empty { get; } = new CollectionImage(Array.Empty<MapDefinition>(), Array.Empty<ProgramImage>());
    }
}

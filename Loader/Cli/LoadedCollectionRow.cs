using System.Collections.Generic;

namespace Ebpf.Loader.Cli
{
    /// <summary>One collection as <c>load --json</c> prints it.</summary>
    /// <param name="Class">The program class (full metadata name), or the image file's stem.</param>
    /// <param name="PinDirectory">The bpffs directory holding its pins.</param>
    /// <param name="Programs">The loaded programs.</param>
    /// <param name="Maps">The created (or reused) maps.</param>
    public sealed record LoadedCollectionRow(string Class, string PinDirectory, IReadOnlyList<LoadedProgramRow> Programs, IReadOnlyList<LoadedMapRow> Maps);
}

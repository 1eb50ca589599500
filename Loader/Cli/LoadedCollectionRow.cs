using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Ebpf.Loader.Cli
{
    /// <summary>One collection as <c>load --json</c> prints it.</summary>
    /// <param name="Class">The program class (full metadata name), or the image file's stem.</param>
    /// <param name="PinDirectory">The bpffs directory holding its pins.</param>
    /// <param name="Programs">The loaded programs.</param>
    /// <param name="Maps">The created (or reused) maps.</param>
    public sealed record LoadedCollectionRow(string Class, string PinDirectory, IReadOnlyList<LoadedProgramRow> Programs, IReadOnlyList<LoadedMapRow> Maps)
    {
        /// <summary>The pins this load made (not those of maps it reused), which <see cref="PinnedCollectionLoader.Unpin"/> removes.</summary>
        [JsonIgnore]
        public IReadOnlyList<string> CreatedPins { get; init; } = System.Array.Empty<string>();
    }
}

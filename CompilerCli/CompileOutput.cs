using System.Collections.Generic;

namespace Ebpf.Compiler.Cli
{
    /// <summary>The files written for one program class.</summary>
    /// <param name="Class">The class's C# name.</param>
    /// <param name="Image">Path of the serialized collection image (<c>.ebpfimg</c>).</param>
    /// <param name="Listing">Path of the disassembly with C# source lines (<c>.s</c>).</param>
    /// <param name="Programs">Program names, as the kernel will see them.</param>
    /// <param name="Maps">Map names.</param>
    public sealed record CompileOutput(string Class, string Image, string Listing, IReadOnlyList<string> Programs, IReadOnlyList<string> Maps);
}

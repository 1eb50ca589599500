using Ebpf.Asm;

namespace Ebpf.Compiler.Cli
{
    /// <summary>One program class and its compiled image.</summary>
    /// <param name="FileName">The output file stem: the class name, nested classes as <c>Outer+Inner</c>.</param>
    /// <param name="FullName">The class's C# name with namespace.</param>
    /// <param name="Image">The maps and programs, or null when the class has errors.</param>
    public sealed record CompiledProgramClass(string FileName, string FullName, CollectionImage? Image);
}

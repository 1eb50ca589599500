using System.IO;
using Ebpf.Asm;

namespace Ebpf.Verifier.Tests.Infrastructure
{
    /// <summary>Assembles the test programs: embedded .s files or inline text.</summary>
    public static class AsmPrograms
    {
        /// <summary>Assembles Programs/**/<paramref name="name"/>.s; the program gets the file's name.</summary>
        public static ProgramImage FromResource(string name, ProgramType type, AttachType? expectedAttachType = null)
        {
            using Stream stream = typeof(AsmPrograms).Assembly.GetManifestResourceStream(name + ".s")
                ?? throw new FileNotFoundException("no embedded program " + name + ".s");
            using var reader = new StreamReader(stream);
            ProgramImage image = Assembler.Assemble(reader.ReadToEnd(), name, type, name + ".s");
            return image with { ExpectedAttachType = expectedAttachType };
        }

        /// <summary>Assembles <paramref name="source"/> as a program named <paramref name="name"/>.</summary>
        public static ProgramImage FromText(string source, string name, ProgramType type, AttachType? expectedAttachType = null) =>
            Assembler.Assemble(source, name, type, name + ".s") with { ExpectedAttachType = expectedAttachType };
    }
}

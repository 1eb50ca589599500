using System;
using System.IO;
using System.Runtime.CompilerServices;
using Ebpf.Asm;
using Xunit;

namespace Ebpf.Compiler.Tests.Asm
{
    /// <summary>Keeps the listing example in docs/asm.md honest.</summary>
    public sealed class AsmDocsTests
    {
        private const string DropSource =
            "# drop.s\n" +
            "entry:\n" +
            "r1 = map[config] ll\n" +
            "r2 = map_value[stats] + 8 ll\n" +
            "if r1 == 0 goto out\n" +
            "r3 = slot[next]\n" +
            "out: exit\n";

        [Fact]
        public void Listing_example_in_docs_matches_the_disassembler()
        {
            ProgramImage image = Assembler.Assemble(DropSource, "drop", ProgramType.Xdp, "drop.s");
            string listing = Disassembler.List(image);
            string docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "asm.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
            Assert.Contains("```\n" + listing + "```", docs, StringComparison.Ordinal);
        }

        private static string RepositoryRoot([CallerFilePath] string path = "") =>
            Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
    }
}

using System.Collections.Generic;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Compiler.Tests.FrontEnd.Programs;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Differential
{
    /// <summary>
    /// Every construct snippet of Compiler.Tests (one supported construct each) runs the same in the kernel and on the
    /// CLR: the snippet's class is compiled both to BPF and to IL, then run over the corpus and random packets.
    /// </summary>
    public sealed class SnippetTests : KernelTest
    {
        public static IEnumerable<TheoryDataRow<string>> Names() => Snippets.All.Select(s => new TheoryDataRow<string>(s.Name));

        [Theory]
        [MemberData(nameof(Names))]
        public void Kernel_and_clr_agree_on_the_snippet(string name)
        {
            (CollectionImage image, System.Type programClass) = Compile(name);
            DifferentialAssert.AgreeOnCorpus(image, programClass, "Run");
            DifferentialAssert.AgreeOnRandomPackets(image, programClass, "Run", sequences: 2);
        }

        /// <summary>The snippet wrapped as CompiledConstructTests wraps it, compiled to BPF and to IL.</summary>
        private static (CollectionImage Image, System.Type ProgramClass) Compile(string name)
        {
            string body = Snippets.All.Single(s => s.Name == name).Body;
            string source = "using Ebpf.Dsl;\nusing Ebpf.Dsl.Maps;\nusing Ebpf.Dsl.Packets;\npublic static class P\n{\n" + Snippets.Members +
                "\n    [Xdp]\n    public static XdpAction Run(XdpContext ctx)\n    {\n" + body + "\n    }\n}\n";
            return DifferentialSources.CompileBoth("P", ("Snippet.cs", source));
        }
    }
}

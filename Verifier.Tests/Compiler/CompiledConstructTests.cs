using System.Collections.Generic;
using System.Linq;
using Ebpf.Compiler.Tests.FrontEnd.Programs;
using Ebpf.Loader.Loading;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Compiler
{
    /// <summary>Every construct the front end supports (Compiler.Tests' snippets) compiles to code the kernel's verifier accepts.</summary>
    public sealed class CompiledConstructTests : KernelTest
    {
        public static IEnumerable<TheoryDataRow<string>> Names() => Snippets.All.Select(s => new TheoryDataRow<string>(s.Name));

        [Theory]
        [MemberData(nameof(Names))]
        public void The_verifier_accepts_the_compiled_construct(string name)
        {
            string body = Snippets.All.Single(s => s.Name == name).Body;
            string source = "using Ebpf.Dsl;\nusing Ebpf.Dsl.Maps;\nusing Ebpf.Dsl.Packets;\npublic static class P\n{\n" + Snippets.Members +
                "\n    [Xdp]\n    public static XdpAction Run(XdpContext ctx)\n    {\n" + body + "\n    }\n}\n";
            using LoadedCollection collection = Collection.Load(CompiledPrograms.CompileText("P", ("Snippet.cs", source)));
            Assert.True(collection.Program("Run").TestRun(Packets.Ipv4Udp()).ReturnValue <= 4);
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Compiler.Driver;
using Ebpf.Compiler.Tests.FrontEnd.Programs;
using Xunit;

namespace Ebpf.Compiler.Tests.FrontEnd
{
    public class ConstructTests
    {
        public static IEnumerable<TheoryDataRow<string>> Names() => Snippets.All.Select(s => new TheoryDataRow<string>(s.Name));

        [Theory]
        [MemberData(nameof(Names))]
        public void Each_supported_construct_compiles_without_diagnostics(string name)
        {
            string body = Snippets.All.Single(s => s.Name == name).Body;
            ProgramCompilation result = DslCompilation.Compile("P", DslCompilation.Xdp(body, Snippets.Members));
            Assert.True(result.Diagnostics.IsEmpty, string.Join("\n", result.Diagnostics.Select(d => d.ToString())));
            ProgramImage program = Assert.Single(result.Image!.Programs);
            System.Console.WriteLine("== " + name + "\n" + DslCompilation.Listing(program));
            Assert.Contains(program.Instructions, i => i.OpCode == Emit.Exit().OpCode);
        }
    }
}

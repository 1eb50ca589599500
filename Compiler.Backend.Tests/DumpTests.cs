using Ebpf.Compiler.IR;
using Xunit;

namespace Ebpf.Compiler.Backend.Tests
{
    public sealed class DumpTests
    {
        [Fact]
        public void Dump()
        {
            var text = new System.Text.StringBuilder();
            foreach (IrFunction f in new[] { Samples.EthernetCheck(), BackendPrograms.Arithmetic32(), BackendPrograms.MapLookup(), BackendPrograms.Loop(), BackendPrograms.Pressure() })
            {
                text.Append(f.Name).Append('\n').Append(string.Join("\n", Listing.Compile(f))).Append("\n\n");
            }

            System.IO.File.WriteAllText("/tmp/dump.txt", text.ToString());
        }
    }
}

using System.Linq;
using Ebpf.Asm;
using Ebpf.Compiler.Backend;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Backend.Tests
{
    /// <summary>Compiles IR and returns the disassembly as lines, for comparison with expected text.</summary>
    internal static class Listing
    {
        private static readonly DisassemblyOptions Plain = new DisassemblyOptions { ShowSlots = false, ShowSource = false };

        public static string[] Of(ProgramImage image) =>
            Disassembler.List(image, Plain).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

        public static string Lines(params string[] lines) => string.Join("\n", lines);

        public static string Text(IrFunction function, BackendOptions? options = null) => Lines(Compile(function, options));

        public static string Text(ProgramImage image) => Lines(Of(image));

        public static string[] Compile(IrFunction function, BackendOptions? options = null) =>
            Of(BpfBackend.Compile(function, ProgramType.Xdp, options));
    }
}

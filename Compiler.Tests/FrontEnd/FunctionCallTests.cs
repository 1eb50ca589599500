using System.Collections.Generic;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Compiler.Driver;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Ebpf.Compiler.Tests.FrontEnd
{
    /// <summary>
    /// BPF-to-BPF calls: a static method with integer parameters becomes a function of its own when
    /// <c>[MethodImpl(NoInlining)]</c> asks for it or when that is smaller than a copy per call site; EBPF4002 when a
    /// requested function needs more than five argument registers.
    /// </summary>
    public sealed class FunctionCallTests
    {
        private const string NoInlining = "[System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]";
        private const string Inline = "[System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";
        private const string MixBody = "{ uint h = a * 2654435761u; h ^= h >> 15; h += b; h *= 0x85ebca6bu; h ^= h >> 13; h += a ^ b; h *= 0xc2b2ae35u; h ^= h >> 16; return h; }";

        private static ProgramImage Compile(string body, string members)
        {
            ProgramCompilation result = DslCompilation.Compile("P", DslCompilation.Xdp(body, members));
            Assert.True(result.Diagnostics.IsEmpty, string.Join("\n", result.Diagnostics.Select(d => d.ToString())));
            return result.Image!.Programs.Single();
        }

        /// <summary>The distinct instruction indexes that <c>call pc+N</c> instructions go to (one per BPF function).</summary>
        internal static int[] CallTargets(ProgramImage image)
        {
            string[] lines = DslCompilation.Listing(image).Split('\n');
            return lines.Select((line, index) => (line, index))
                .Where(item => item.line.StartsWith("call pc", System.StringComparison.Ordinal))
                .Select(item => item.index + 1 + int.Parse(item.line.Substring("call pc".Length), System.Globalization.CultureInfo.InvariantCulture))
                .Distinct()
                .ToArray();
        }

        private static int LocalCalls(ProgramImage image) => DslCompilation.Listing(image).Split('\n').Count(line => line.StartsWith("call pc", System.StringComparison.Ordinal));

        private const string TwoSites = "uint x = Mix((uint)ctx.Packet.Length, 7u) ^ Mix(ctx.IngressIfindex, 3u); return (x & 1) == 0 ? XdpAction.Pass : XdpAction.Drop;";

        [Fact]
        public void A_large_method_called_twice_is_one_function_called_twice()
        {
            ProgramImage image = Compile(TwoSites, "    static uint Mix(uint a, uint b) " + MixBody);
            Assert.Equal(2, LocalCalls(image));
            Assert.Single(CallTargets(image));
        }

        [Fact]
        public void The_function_is_smaller_than_two_inlined_copies()
        {
            int called = Compile(TwoSites, "    static uint Mix(uint a, uint b) " + MixBody).Instructions.Count;
            int inlined = Compile(TwoSites, "    " + Inline + "\n    static uint Mix(uint a, uint b) " + MixBody).Instructions.Count;
            Assert.True(called < inlined, $"{called} instructions with a call, {inlined} inlined");
        }

        [Theory]
        [InlineData("uint x = Mix((uint)ctx.Packet.Length, 7u);", "    static uint Mix(uint a, uint b) " + MixBody)]
        [InlineData("int x = Twice(ctx.Packet.Length) + Twice(3 + ctx.Packet.Length);", "    static int Twice(int v) => v * 2;")]
        public void A_method_called_once_or_a_small_one_is_inlined(string body, string members)
        {
            Assert.Equal(0, LocalCalls(Compile(body + " return x == 1 ? XdpAction.Pass : XdpAction.Drop;", members)));
        }

        [Fact]
        public void NoInlining_asks_for_a_function_even_for_one_small_call_and_a_struct_goes_by_in_as_a_stack_pointer()
        {
            ProgramImage image = Compile(
                "Pair p = default; p.A = (uint)ctx.Packet.Length; return Weigh(in p) == 3 ? XdpAction.Pass : XdpAction.Drop;",
                "    public struct Pair { public uint A; public uint B; }\n    " + NoInlining + "\n    static uint Weigh(in Pair p) => p.A * 3u + p.B;");
            Assert.Equal(1, LocalCalls(image));
            Assert.Contains("r1 = r10", DslCompilation.Listing(image));
        }

        [Fact]
        public void A_requested_function_with_six_parameters_is_EBPF4002_at_the_call()
        {
            string markup = DslCompilation.Xdp(
                "int n = ctx.Packet.Length; int r = [|Mix(n, n, n, n, n, n)|]; return r == 1 ? XdpAction.Pass : XdpAction.Drop;",
                "    " + NoInlining + "\n    static int Mix(int a, int b, int c, int d, int e, int f) => a ^ b ^ c ^ d ^ e ^ f;");
            (string source, IReadOnlyList<TextSpan> spans) = SpanMarkup.Parse(markup);
            ProgramCompilation result = DslCompilation.Compile("P", source);
            Assert.Null(result.Image);
            Diagnostic diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal("EBPF4002", diagnostic.Id);
            Assert.Equal(Assert.Single(spans), diagnostic.Location.SourceSpan);
            Assert.StartsWith("Call to 'Mix' passes 6 arguments", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        }

        [Fact]
        public void Six_parameters_without_the_request_are_inlined()
        {
            ProgramImage image = Compile(
                "int n = ctx.Packet.Length; int r = Mix(n, n, n, n, n, n) + Mix(1, n, 2, n, 3, n); return r == 1 ? XdpAction.Pass : XdpAction.Drop;",
                "    static int Mix(int a, int b, int c, int d, int e, int f) { int h = a; h = h * 31 + b; h = h * 31 + c; h = h * 31 + d; h = h * 31 + e; h = h * 31 + f; return h ^ (h >> 7); }");
            Assert.Equal(0, LocalCalls(image));
        }

        [Fact]
        public void A_variable_index_in_a_function_is_reported_at_the_index()
        {
            string markup = DslCompilation.Xdp(
                "return Pick(ctx.Packet.Length) == 1 ? XdpAction.Pass : XdpAction.Drop;",
                "    " + NoInlining + "\n    static int Pick(int i) { System.Span<byte> b = stackalloc byte[4]; b[0] = 1; return b[[|i|]]; }");
            (string source, IReadOnlyList<TextSpan> spans) = SpanMarkup.Parse(markup);
            ProgramCompilation result = DslCompilation.Compile("P", source);
            Diagnostic diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal("EBPF2001", diagnostic.Id);
            Assert.Equal(Assert.Single(spans), diagnostic.Location.SourceSpan);
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using Ebpf.Compiler.Driver;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Ebpf.Compiler.Tests.FrontEnd
{
    /// <summary>
    /// Elements of <c>fixed</c> buffers, <c>[InlineArray]</c> structs and <c>stackalloc</c> spans: constant indexes are
    /// checked at compile time, variable ones get an unsigned compare that ends the program with the abort verdict;
    /// <c>foreach</c> over a span is a counted loop.
    /// </summary>
    public sealed class ElementAccessTests
    {
        private const string Members = "    public unsafe struct Tagged { public fixed byte Tag[8]; public uint Count; }\n" +
            "    [System.Runtime.CompilerServices.InlineArray(4)] public struct Four { private uint _element; }\n";

        private static string Compile(string body)
        {
            ProgramCompilation result = DslCompilation.Compile("P", DslCompilation.Xdp(body, Members));
            Assert.True(result.Diagnostics.IsEmpty, string.Join("\n", result.Diagnostics.Select(d => d.ToString())));
            return DslCompilation.Listing(result.Image!.Programs.Single());
        }

        [Theory]
        [InlineData("Tagged t = default; unsafe { t.Tag[3] = 1; } return t.Count == 0 ? XdpAction.Pass : XdpAction.Drop;", "*(u8 *)(r10 - 13) = 1")]
        [InlineData("Four f = default; f[2] = 7; return f[2] == (uint)ctx.Packet.Length ? XdpAction.Pass : XdpAction.Drop;", "*(u32 *)(r10 - 8) = 7")]
        public void A_constant_index_is_a_fixed_offset(string body, string store)
        {
            string listing = Compile(body);
            Assert.Contains(store, listing);
            Assert.DoesNotContain(">= ", listing);
        }

        [Theory]
        [InlineData("Four f = default; f[ctx.Packet.Length & 7] = 1; return f[0] == 1 ? XdpAction.Pass : XdpAction.Drop;", ">= 4 goto")]
        [InlineData("Tagged t = default; unsafe { t.Tag[ctx.Packet.Length] = 1; } return t.Count == 0 ? XdpAction.Pass : XdpAction.Drop;", ">= 8 goto")]
        [InlineData("System.Span<ushort> s = stackalloc ushort[3]; s[ctx.Packet.Length] = 1; return s[0] == 1 ? XdpAction.Pass : XdpAction.Drop;", ">= 3 goto")]
        public void A_variable_index_is_compared_with_the_length_and_aborts_outside(string body, string check)
        {
            string listing = Compile(body);
            Assert.Contains(check, listing);
            Assert.Contains("r0 = 0\nexit", listing);
        }

        [Fact]
        public void Foreach_over_a_stack_span_is_a_loop_that_passes_the_loop_bound_rule()
        {
            string listing = Compile("System.Span<byte> b = stackalloc byte[6]; ctx.LoadBytes(0, b); int sum = 0; foreach (byte x in b) { sum += x; } return sum > 9 ? XdpAction.Pass : XdpAction.Drop;");
            Assert.Contains("s< 6 goto", listing);
        }

        [Theory]
        [InlineData("Tagged t = default; unsafe { t.Tag[[|-1|]] = 1; } return XdpAction.Pass;", "Index -1 of a buffer of 8 elements")]
        [InlineData("System.Span<byte> s = stackalloc byte[4]; s[[|4|]] = 1; return XdpAction.Pass;", "Index 4 of a buffer of 4 elements")]
        public void A_constant_index_out_of_range_is_reported_at_the_index(string body, string message)
        {
            AssertReported(DslCompilation.Xdp(body, Members), message);
        }

        [Fact]
        public void A_variable_index_into_the_context_control_buffer_is_reported_at_the_index()
        {
            AssertReported(DslCompilation.Usings + "public static class P\n{\n    [SocketFilter]\n    public static uint Run(SkBuffContext ctx) { ctx.Cb[[|(int)(ctx.Length & 3)|]] = 1; return ctx.Cb[0]; }\n}\n", "A variable index into a context field");
        }

        private static void AssertReported(string markup, string message)
        {
            (string source, IReadOnlyList<TextSpan> spans) = SpanMarkup.Parse(markup);
            ProgramCompilation result = DslCompilation.Compile("P", source);
            Assert.Null(result.Image);
            Diagnostic diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal("EBPF2001", diagnostic.Id);
            Assert.Equal(Assert.Single(spans), diagnostic.Location.SourceSpan);
            Assert.StartsWith(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        }
    }
}

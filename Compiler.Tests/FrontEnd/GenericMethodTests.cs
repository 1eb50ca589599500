using System.Collections.Generic;
using System.Linq;
using Ebpf.Compiler.Driver;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Ebpf.Compiler.Tests.FrontEnd
{
    /// <summary>Generic static methods are monomorphised per instantiation; static local functions are ordinary methods.</summary>
    public sealed class GenericMethodTests
    {
        private const string NoInlining = "[System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]";

        private static string Compile(string body, string members) => Compile(body, members, out _);

        private static string Compile(string body, string members, out ProgramCompilation result)
        {
            result = DslCompilation.Compile("P", DslCompilation.Xdp(body, members));
            Assert.True(result.Diagnostics.IsEmpty, string.Join("\n", result.Diagnostics.Select(d => d.ToString())));
            return DslCompilation.Listing(result.Image!.Programs.Single());
        }

        [Fact]
        public void Each_instantiation_of_a_generic_function_is_a_function_of_its_own_with_its_widths()
        {
            string listing = Compile(
                "long r = Choose(ctx.Packet.Length > 5, (long)ctx.Packet.Length, 9L) + Choose(ctx.Packet.Length > 7, (byte)1, (byte)2); return r == 3 ? XdpAction.Pass : XdpAction.Drop;",
                "    " + NoInlining + "\n    static T Choose<T>(bool first, T a, T b) { T chosen = b; if (first) { chosen = a; } return chosen; }",
                out ProgramCompilation result);
            Assert.Equal(2, listing.Split('\n').Count(line => line.StartsWith("call pc", System.StringComparison.Ordinal)));
            Assert.Equal(2, FunctionCallTests.CallTargets(result.Image!.Programs.Single()).Length);
        }

        [Fact]
        public void An_inlined_generic_method_s_result_is_widened_by_the_type_argument_s_signedness()
        {
            string listing = Compile(
                "int r = Pick(ctx.Packet.Length > 5, (sbyte)-1, (sbyte)2); return r < 0 ? XdpAction.Pass : XdpAction.Drop;",
                "    static T Pick<T>(bool first, T a, T b) { T chosen = b; if (first) { chosen = a; } return chosen; }");
            Assert.Contains("r2 = 255", listing);
            Assert.Contains("s>>= 24", listing);
        }

        [Fact]
        public void A_static_local_function_is_inlined_or_called()
        {
            string listing = Compile("static int Half(int x) => x >> 1; return Half(ctx.Packet.Length) > 20 ? XdpAction.Pass : XdpAction.Drop;", "");
            Assert.Contains(">>= 1", listing);
        }

        [Fact]
        public void A_local_function_that_is_not_static_is_reported_at_the_call()
        {
            (string source, IReadOnlyList<TextSpan> spans) = SpanMarkup.Parse(DslCompilation.Xdp(
                "int n = ctx.Packet.Length; int Plus(int x) => x + n; return [|Plus(1)|] > 20 ? XdpAction.Pass : XdpAction.Drop;"));
            ProgramCompilation result = DslCompilation.Compile("P", source);
            Diagnostic diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal("EBPF2001", diagnostic.Id);
            Assert.Equal(Assert.Single(spans), diagnostic.Location.SourceSpan);
            Assert.Contains("not static", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        }

        [Fact]
        public void Recursion_through_a_generic_method_is_EBPF2007()
        {
            (string source, IReadOnlyList<TextSpan> spans) = SpanMarkup.Parse(DslCompilation.Xdp(
                "return Down(ctx.Packet.Length) > 0 ? XdpAction.Pass : XdpAction.Drop;",
                "    static T Down<T>(T x) => [|Down(x)|];"));
            ProgramCompilation result = DslCompilation.Compile("P", source);
            Assert.Contains(result.Diagnostics, d => d.Id == "EBPF2007" && d.Location.SourceSpan == spans.Single());
        }
    }
}

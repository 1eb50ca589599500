using System;
using System.Collections.Generic;
using System.Linq;
using Ebpf.Compiler.Driver;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Ebpf.Compiler.Tests.FrontEnd
{
    /// <summary>
    /// EBPF4003: a loop compiles only when one of its exits compares a counter (stepped by constants) with a constant
    /// or a value the loop leaves alone, in the direction the steps go; otherwise the loop statement is reported.
    /// </summary>
    public class LoopBoundTests
    {
        private const string Operands = "int n = ctx.Packet.Length & 63; uint u = (uint)ctx.Packet.Length; long r = 0; ";
        private const string Verdict = " return r == 1 ? XdpAction.Drop : XdpAction.Pass;";

        private const string Members = @"
    static long Sum(int limit) { long s = 0; for (int k = 0; k < limit; k++) { s += k; } return s; }
    static long Spin(uint v) { long s = 0; while (v != 1) { v = (v & 1) == 0 ? v >> 1 : 3 * v + 1; s++; } return s; }";

        [Theory]
        [InlineData("for (int i = 0; i < 8; i++) { r += i; }")]
        [InlineData("for (int i = 0; i < n; i += 3) { r += i; }")]
        [InlineData("for (int i = 0; i <= 10; i++) { r += i; }")]
        [InlineData("for (int i = 16; i > 0; i--) { r += i; }")]
        [InlineData("for (int i = 64; i >= n; i -= 2) { r += i; }")]
        [InlineData("for (int i = 0; i != 10; i++) { r += i; }")]
        [InlineData("for (int i = 10; i != 0; i--) { r += i; }")]
        [InlineData("int i = 5; if (n > 3) { i = 2; } while (i != 7) { r += i; i++; }")]
        [InlineData("for (byte i = 0; i < 10; i++) { r += i; }")]
        [InlineData("for (ulong i = 0; i < (ulong)n; i++) { r += (long)i; }")]
        [InlineData("for (int i = 0; 8 > i; i++) { r += i; }")]
        [InlineData("int i = 0; while (i < 32) { r += i; i++; }")]
        [InlineData("int steps = 0; while (u > 1 && steps < 32) { u >>= 1; steps++; }")]
        [InlineData("int steps = 0; do { u >>= 1; steps++; } while (u != 0 && steps < 16);")]
        [InlineData("for (int i = 0; i < 4; i++) { for (int j = 0; j < 4; j++) { r += i * j; } }")]
        [InlineData("for (int i = 0; i < 16; i++) { if (i == n) break; if ((i & 1) == 0) continue; r += i; }")]
        [InlineData("r = Sum(n);")]
        public void A_loop_with_a_counted_exit_compiles(string body)
        {
            ProgramCompilation result = DslCompilation.Compile("P", DslCompilation.Xdp(Operands + body + Verdict, Members));
            Assert.True(result.Diagnostics.IsEmpty, string.Join("\n", result.Diagnostics.Select(d => d.ToString())));
            Assert.NotNull(result.Image);
        }

        [Theory]
        [InlineData("[|while (u != 1) { u = (u & 1) == 0 ? u >> 1 : 3 * u + 1; r++; }|]")]
        [InlineData("[|while (u > 1) { u >>= 1; r++; }|]")]
        [InlineData("[|for (int i = 0; i < 8; i--) { r += i; }|]")]
        [InlineData("[|for (int i = 0; i > -8; i++) { r += i; }|]")]
        [InlineData("[|for (int i = 0; i != 9; i += 2) { r += i; }|]")]
        [InlineData("[|for (int i = 12; i != 9; i++) { r += i; }|]")]
        [InlineData("[|for (int i = n; i != 9; i++) { r += i; }|]")]
        [InlineData("[|for (int i = 0; i != n; i++) { r += i; }|]")]
        [InlineData("[|for (int i = 0; i < n; i++) { r += i; n++; }|]")]
        [InlineData("[|for (int i = 0; i < 8; i++) { r += i; if (r > 3) i = 0; }|]")]
        [InlineData("[|for (uint i = 9; i >= 0; i--) { r += i; }|]")]
        [InlineData("int i = 0; [|do { r += i; } while (u != 0);|]")]
        [InlineData("for (int i = 0; i < 4; i++) { [|while (u != 0) { u = u * 3; }|] }")]
        public void A_loop_without_a_counted_exit_is_reported_at_the_loop(string body)
        {
            (string source, IReadOnlyList<TextSpan> spans) = SpanMarkup.Parse(DslCompilation.Xdp(Operands + body + Verdict, Members));
            TextSpan expected = Assert.Single(spans);

            ProgramCompilation result = DslCompilation.Compile("P", source);
            Assert.Null(result.Image);
            Diagnostic diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal("EBPF4003", diagnostic.Id);
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Equal(expected, diagnostic.Location.SourceSpan);
        }

        [Fact]
        public void A_loop_in_an_inlined_method_is_reported_in_that_method()
        {
            string source = DslCompilation.Xdp(Operands + "r = Spin(u);" + Verdict, Members);
            int at = source.IndexOf("while (v != 1)", StringComparison.Ordinal);
            int end = source.IndexOf("s++; }", at, StringComparison.Ordinal) + "s++; }".Length;

            ProgramCompilation result = DslCompilation.Compile("P", source);
            Diagnostic diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal("EBPF4003", diagnostic.Id);
            Assert.Equal(TextSpan.FromBounds(at, end), diagnostic.Location.SourceSpan);
            Assert.Equal("This 'while' loop has no bound the verifier can prove: loop over a counter compared with a constant", diagnostic.GetMessage());
        }
    }
}

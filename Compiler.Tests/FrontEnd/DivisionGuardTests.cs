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
    /// EBPF3004: a <c>/</c> or <c>%</c> compiles only when its divisor is proven safe on every path (non-zero; signed, also
    /// not −1), since the kernel's x / 0 = 0, x % 0 = x and MinValue / −1 = MinValue are exceptions on the CLR.
    /// </summary>
    public class DivisionGuardTests
    {
        private const string Operands = "uint a = (uint)ctx.Packet.Length; uint b = a - 3; int x = ctx.Packet.Length - 60; int y = x - 7; long w = x; ";
        private const string Verdict = " return r == 1 ? XdpAction.Drop : XdpAction.Pass;";

        private const string Members = @"
    static int SafeDivide(int n, int d) => d > 0 ? n / d : 0;
    static int Divide(int p, int q) => p / q;";

        [Theory]
        [InlineData("long r = 0; if (b != 0) { r = a / b; }")]
        [InlineData("if (b == 0) return XdpAction.Pass; long r = a % b + a / b;")]
        [InlineData("long r = b > 0 ? a / b : 0;")]
        [InlineData("long r = 0; if (b >= 1) { r = a % b; }")]
        [InlineData("long r = b != 0 && a / b > 2 ? 1 : 0;")]
        [InlineData("long r = b == 0 || a % b == 0 ? 1 : 0;")]
        [InlineData("long r = 0; if (y > 0) { r = x / y + x % y; }")]
        [InlineData("long r = 0; if (y >= 2) { r = x / y; }")]
        [InlineData("long r = 0; if (y < -1) { r = x / y; }")]
        [InlineData("if (y <= 0) return XdpAction.Pass; long r = w / y;")]
        [InlineData("int d = y == 0 || y == -1 ? 7 : y; long r = x / d + x % d;")]
        [InlineData("long r = x / ((y & 0xFF) | 1) + x % ((y & 0x7F) | 1) + w / ((w & 0xFFF) | 2);")]
        [InlineData("long r = a / (b | 1u) + (long)((ulong)w % ((ulong)w | 8));")]
        [InlineData("long r = x / 3 + x % -5 + w / 7 + a / 2u;")]
        [InlineData("long r = 0; if (y != 0) { r = 100 / y; }")]
        [InlineData("long r = 0; if (y > 0) { int e = y; r = x / e; }")]
        [InlineData("long r = 0; if (y > 0) { long e = y; r = w / e; }")]
        [InlineData("long r = 0; if (b != 0) { ulong e = b; r = (long)((ulong)w / e); }")]
        [InlineData("long r = SafeDivide(x, y);")]
        [InlineData("long r = 0; if (y > 0) { r = Divide(x, y); }")]
        [InlineData("int q = x; q /= 7; q %= 5; long r = q;")]
        [InlineData("long r = 0; if (y != 0) { r = (uint)x / (uint)y; }")]
        [InlineData("long r = 0; if (y != 0) { r = (x & 0xFFFF) / y; }")]
        public void A_divisor_proven_safe_on_every_path_compiles(string body)
        {
            ProgramCompilation result = DslCompilation.Compile("P", DslCompilation.Xdp(Operands + body + Verdict, Members));
            Assert.True(result.Diagnostics.IsEmpty, string.Join("\n", result.Diagnostics.Select(d => d.ToString())));
            Assert.NotNull(result.Image);
        }

        [Theory]
        [InlineData("long r = [|a / b|];")]
        [InlineData("long r = [|a % b|];")]
        [InlineData("long r = [|x / y|];")]
        [InlineData("long r = 0; if (y != 0) { r = [|x / y|]; }")]
        [InlineData("long r = 0; if (y < 0) { r = [|x % y|]; }")]
        [InlineData("long r = 0; if ((y | 1) != 0) { r = [|x / (y | 1)|]; }")]
        [InlineData("long r = 0; if (y != 0) { r = [|int.MinValue / y|]; }")]
        [InlineData("if (x > 5 && b == 0) return XdpAction.Pass; long r = [|a / b|];")]
        [InlineData("long r = 0; if (b != 0) { b = b - 1; r = [|a / b|]; }")]
        [InlineData("long r = 0; if (b != 5) { r = [|a / b|]; }")]
        [InlineData("bool ok = b != 0; long r = ok ? [|a / b|] : 0;")]
        [InlineData("long r = 0; if (w != 0) { r = [|x / (int)w|]; }")]
        [InlineData("long r = 0; if ((b & 4) != 0) { r = [|a / b|]; }")]
        [InlineData("long r = 0; for (int i = 1; i < 4; i++) { r += [|x / i|]; }")]
        [InlineData("long r = 0; if (b != 0 || x > 0) { r = [|a / b|]; }")]
        [InlineData("int q = x; [|q /= y|]; long r = q;")]
        [InlineData("long r = 0; if (y != 0) { r = [|w / y|]; }")]
        [InlineData("long r = Divide(x, 5) + Divide(x, y);", "p / q")]
        public void A_divisor_not_proven_safe_is_reported_at_the_division(string body, string? inlinedDivision = null)
        {
            (string source, IReadOnlyList<TextSpan> expected) = SpanMarkup.Parse(DslCompilation.Xdp(Operands + body + Verdict, Members));

            if (inlinedDivision is not null)
            {
                // A division in an inlined method is reported there, when a call does not prove its divisor safe (Divide(x, 5) does).
                int at = source.IndexOf(inlinedDivision, StringComparison.Ordinal);
                expected = new[] { new TextSpan(at, inlinedDivision.Length) };
            }

            ProgramCompilation result = DslCompilation.Compile("P", source);
            string all = string.Join("\n", result.Diagnostics.Select(d => d.ToString()));
            Assert.Null(result.Image);
            Assert.All(result.Diagnostics, d => Assert.Equal("EBPF3004", d.Id));
            Assert.Equal(expected.OrderBy(s => s.Start), result.Diagnostics.Select(d => d.Location.SourceSpan).OrderBy(s => s.Start));
            Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
            Assert.True(result.Diagnostics.All(d => d.GetMessage().Contains("may divide by zero", StringComparison.Ordinal)), all);
        }

        [Fact]
        public void The_message_names_the_expression_the_divisor_and_the_signed_overflow()
        {
            ProgramCompilation signed = DslCompilation.Compile("P", DslCompilation.Xdp(Operands + "long r = x / y;" + Verdict, Members));
            ProgramCompilation unsigned = DslCompilation.Compile("P", DslCompilation.Xdp(Operands + "long r = a % b;" + Verdict, Members));
            Assert.Equal(
                "'x / y' may divide by zero (or MinValue by -1): the kernel returns a value where .NET throws; guard it with `if (y > 0)` or `if (y != 0)` on every path, or use unsigned operands",
                Assert.Single(signed.Diagnostics).GetMessage());
            Assert.Equal(
                "'a % b' may divide by zero: the kernel returns a value where .NET throws; guard it with `if (b > 0)` or `if (b != 0)` on every path, or use unsigned operands",
                Assert.Single(unsigned.Diagnostics).GetMessage());
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using Ebpf.Compiler.Driver;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Ebpf.Compiler.Tests.FrontEnd
{
    /// <summary><c>Checksum.*</c> lowered to ALU instructions, and <c>new LpmKey&lt;T&gt;(prefix, data)</c> as two field stores.</summary>
    public sealed class ChecksumTests
    {
        private const string Members = "    public struct Big { public Block A; public Block B; public Block C; }\n" +
            "    public struct Block { public ulong A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V; }\n";

        private static string Compile(string body)
        {
            ProgramCompilation result = DslCompilation.Compile("P", DslCompilation.Xdp(body, Members));
            Assert.True(result.Diagnostics.IsEmpty, string.Join("\n", result.Diagnostics.Select(d => d.ToString())));
            return DslCompilation.Listing(result.Image!.Programs.Single());
        }

        [Fact]
        public void Add_takes_the_carry_from_a_64_bit_sum_without_a_branch()
        {
            string listing = Compile("uint a = (uint)ctx.Packet.Length; uint b = ctx.IngressIfindex; return Checksum.Add(a, b) == 3 ? XdpAction.Drop : XdpAction.Pass;");
            Assert.Contains(">>= 32", listing);
            Assert.Equal(1, listing.Split('\n').Count(line => line.StartsWith("if ", System.StringComparison.Ordinal)));
        }

        [Fact]
        public void Fold_folds_twice_and_complements()
        {
            string listing = Compile("uint a = (uint)ctx.Packet.Length; return Checksum.Fold(a) == 3 ? XdpAction.Drop : XdpAction.Pass;");
            Assert.Equal(2, listing.Split('\n').Count(line => line.EndsWith(">>= 16", System.StringComparison.Ordinal)));
            Assert.Contains("^= -1", listing);
        }

        [Fact]
        public void Partial_over_a_header_is_an_unrolled_sum_of_its_16_bit_words()
        {
            string listing = Compile("var ip = ctx.Packet.At<Ipv4Header>(14); if (ip is null) return XdpAction.Pass; return Checksum.Partial(in ip.Value, 0u) == 0 ? XdpAction.Drop : XdpAction.Pass;");
            Assert.Equal(10, listing.Split('\n').Count(line => line.Contains("= *(u16 *)(r", System.StringComparison.Ordinal)));
            Assert.DoesNotContain("call", listing);
        }

        [Fact]
        public void Partial_over_an_odd_span_adds_the_last_byte_alone()
        {
            string listing = Compile("System.Span<byte> b = stackalloc byte[5]; b[4] = (byte)ctx.Packet.Length; return Checksum.Partial(b, 0u) == 0 ? XdpAction.Drop : XdpAction.Pass;");
            Assert.Contains("= *(u8 *)(r10 -", listing);
            Assert.Equal(2, listing.Split('\n').Count(line => line.Contains("= *(u16 *)(r10 -", System.StringComparison.Ordinal)));
        }

        [Fact]
        public void An_lpm_key_constructor_stores_the_prefix_and_the_data()
        {
            string listing = Compile("var key = new LpmKey<uint>(24, (uint)ctx.Packet.Length); return key.Data == key.PrefixLength ? XdpAction.Drop : XdpAction.Pass;");
            Assert.Contains("= 24", listing);
        }

        [Theory]
        [InlineData("Big big = default; uint s = Checksum.Partial(in [|big|], 0u);", "A partial checksum over 528 bytes (at most 512)")]
        [InlineData("Big big = default; Block a = default; uint s = Checksum.Partial(in a, 0u) + Checksum.Partial(in [|big|], 1u);", "A partial checksum over 528 bytes (at most 512)")]
        public void An_operand_the_compiler_cannot_sum_is_reported_at_the_operand(string body, string message)
        {
            (string source, IReadOnlyList<TextSpan> spans) = SpanMarkup.Parse(DslCompilation.Xdp(body + " return s == 0 ? XdpAction.Drop : XdpAction.Pass;", Members));
            ProgramCompilation result = DslCompilation.Compile("P", source);
            Assert.Null(result.Image);
            Diagnostic diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal("EBPF2001", diagnostic.Id);
            Assert.Equal(Assert.Single(spans), diagnostic.Location.SourceSpan);
            Assert.StartsWith(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        }
    }
}

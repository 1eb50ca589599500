using System.Linq;
using Ebpf.Compiler.Driver;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Ebpf.Compiler.Tests.FrontEnd
{
    /// <summary><c>stackalloc</c> spans of constant length, <c>LoadBytes</c> into them and <c>Bpf.CsumDiff</c>.</summary>
    public sealed class StackBufferTests
    {
        private static string Compile(string body)
        {
            ProgramCompilation result = DslCompilation.Compile("P", DslCompilation.Xdp(body));
            Assert.True(result.Diagnostics.IsEmpty, string.Join("\n", result.Diagnostics.Select(d => d.ToString())));
            return DslCompilation.Listing(result.Image!.Programs.Single());
        }

        [Fact]
        public void A_stackalloc_span_is_a_zeroed_slot_with_constant_index_access()
        {
            string listing = Compile("System.Span<byte> buffer = stackalloc byte[16]; buffer[3] = (byte)ctx.Packet.Length; int r = buffer[3] + buffer.Length; return r > 20 ? XdpAction.Pass : XdpAction.Drop;");
            Assert.Contains("*(u64 *)(r10 - 16) = 0", listing);
            Assert.Contains("*(u64 *)(r10 - 8) = 0", listing);
            Assert.Contains("*(u8 *)(r10 - 13) = r", listing);
        }

        [Fact]
        public void LoadBytes_passes_the_buffer_and_its_length_to_bpf_xdp_load_bytes()
        {
            string listing = Compile("System.Span<byte> buffer = stackalloc byte[8]; long r = ctx.LoadBytes(2, buffer); return r == 0 && buffer[7] == 1 ? XdpAction.Pass : XdpAction.Drop;");
            Assert.Contains("r3 = r10\nr3 += -8\nr4 = 8\ncall bpf_xdp_load_bytes", listing);
        }

        [Fact]
        public void CsumDiff_passes_the_header_in_the_packet_and_its_size()
        {
            string listing = Compile("var ip = ctx.Packet.At<Ipv4Header>(14); if (ip is null) return XdpAction.Pass; long r = Bpf.CsumDiff(in ip.Value, 0u); return r == 0 ? XdpAction.Drop : XdpAction.Pass;");
            Assert.Contains("r1 = 0\nr2 = 0", listing);
            Assert.Contains("r4 = 20", listing);
            Assert.Contains("call bpf_csum_diff", listing);
        }

        [Fact]
        public void LoadBytes_of_a_variable_length_calls_the_helper_only_for_1_to_sizeof_the_destination()
        {
            string members = "    public struct Record { public ulong A; public ulong B; public uint C; }\n    static readonly ArrayMap<Record> Records = new(maxEntries: 1);\n";
            ProgramCompilation result = DslCompilation.Compile("P", DslCompilation.Xdp("var v = Records.Lookup(0); if (v is null) return XdpAction.Pass; long r = ctx.LoadBytes(0, ref v.Value, ctx.Packet.Length); return r == 0 ? XdpAction.Pass : XdpAction.Drop;", members));
            Assert.True(result.Diagnostics.IsEmpty, string.Join("\n", result.Diagnostics.Select(d => d.ToString())));
            string listing = DslCompilation.Listing(result.Image!.Programs.Single());
            Assert.Matches(@"if r\d > 24 goto", listing);
            Assert.Matches(@"if r\d < 1 goto", listing);
            Assert.Contains("call bpf_xdp_load_bytes", listing);
            Assert.Contains("= -22", listing);
        }
    }
}

using System.Linq;
using Ebpf.Asm;
using Ebpf.Compiler.Driver;
using Ebpf.Compiler.FrontEnd;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Ebpf.Compiler.Tests.FrontEnd
{
    /// <summary>EBPF4004: a helper the program's type may not call is reported at the call, naming helper, member and type.</summary>
    public class HelperAvailabilityTests
    {
        private const string Members = @"
    static readonly DeviceMap Ports = new(maxEntries: 4);
    static long Sum(SkBuffContext ctx)
    {
        var ip = ctx.Packet.At<Ipv4Header>(14);
        if (ip is null) return 0;
        return Bpf.CsumDiff(in ip.Value, 0u);
    }";

        private static string Program(string attribute, string signature, string body) =>
            DslCompilation.Usings + "public static class P\n{\n" + Members + "\n    " + attribute + "\n    public static " + signature + "\n    {\n" + body + "\n    }\n}\n";

        private static string At(string source, string marker)
        {
            int index = source.IndexOf(marker, System.StringComparison.Ordinal);
            Assert.True(index >= 0, marker);
            string before = source.Substring(0, index);
            return $"{before.Count(c => c == '\n') + 1}:{index - (before.LastIndexOf('\n') + 1) + 1}";
        }

        private static Diagnostic ExpectOnly(string source, string marker)
        {
            ProgramCompilation result = DslCompilation.Compile("P", source);
            Assert.True(
                new[] { "EBPF4004 " + At(source, marker) }.SequenceEqual(DslCompilation.Describe(result.Diagnostics)),
                string.Join("\n", result.Diagnostics.Select(d => d.ToString())));
            Assert.Null(result.Image);
            Diagnostic diagnostic = result.Diagnostics.Single();
            Assert.Equal(marker, diagnostic.Location.SourceTree!.ToString().Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
            return diagnostic;
        }

        [Fact]
        public void Redirect_from_a_cgroup_skb_program_names_helper_member_and_type()
        {
            string source = Program("[CgroupSkb(CgroupSkbDirection.Egress)]", "CgroupSkbVerdict Run(SkBuffContext ctx)",
                "ctx.Redirect(1); return CgroupSkbVerdict.Allow;");

            Diagnostic diagnostic = ExpectOnly(source, "ctx.Redirect(1)");

            string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains("bpf_redirect", message);
            Assert.Contains("SkBuffContext.Redirect", message);
            Assert.Contains("cgroup_skb", message);
        }

        [Fact]
        public void Redirect_from_a_socket_filter_is_refused() =>
            ExpectOnly(Program("[SocketFilter]", "uint Run(SkBuffContext ctx)", "ctx.Redirect(1); return 0;"), "ctx.Redirect(1)");

        [Fact]
        public void The_same_redirect_compiles_in_sched_cls()
        {
            ProgramCompilation result = DslCompilation.Compile("P", Program("[SchedCls]", "TcAction Run(SkBuffContext ctx)", "return ctx.Redirect(1);"));

            Assert.Empty(result.Diagnostics);
            Assert.NotNull(result.Image);
        }

        [Fact]
        public void A_device_map_redirect_outside_xdp_is_refused() =>
            ExpectOnly(Program("[SchedCls]", "TcAction Run(SkBuffContext ctx)", "Ports.Redirect(0); return TcAction.Ok;"), "Ports.Redirect(0)");

        [Fact]
        public void A_helper_in_an_inlined_method_is_reported_at_its_call_for_the_calling_program_type() =>
            ExpectOnly(Program("[CgroupSkb(CgroupSkbDirection.Egress)]", "CgroupSkbVerdict Run(SkBuffContext ctx)", "return Sum(ctx) == 0 ? CgroupSkbVerdict.Allow : CgroupSkbVerdict.Drop;"),
                "Bpf.CsumDiff(in ip.Value, 0u)");

        [Fact]
        public void The_table_refuses_xdp_only_helpers_to_the_socket_buffer_types()
        {
            foreach (ProgramType type in new[] { ProgramType.SchedCls, ProgramType.CgroupSkb, ProgramType.SocketFilter })
            {
                Assert.False(HelperAvailability.IsAllowed(44, type), "bpf_xdp_adjust_head in " + type);
                Assert.True(HelperAvailability.IsAllowed(26, type), "bpf_skb_load_bytes in " + type);
            }

            Assert.True(HelperAvailability.IsAllowed(44, ProgramType.Xdp));
            Assert.False(HelperAvailability.IsAllowed(26, ProgramType.Xdp));
        }
    }
}

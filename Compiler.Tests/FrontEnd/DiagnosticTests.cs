using System.Linq;
using Ebpf.Compiler.Driver;
using Xunit;

namespace Ebpf.Compiler.Tests.FrontEnd
{
    /// <summary>Every problem is reported with its id at its C# location, and compilation goes on to find the others.</summary>
    public class DiagnosticTests
    {
        private const string Members = @"
    public struct Counters { public ulong Packets; }
    static readonly ArrayMap<Counters> Stats = new(maxEntries: 1);
    static int Counter = 3;
    static int Down(int x) => x > 0 ? Down(x - 1) : 0;";

        /// <summary>"line:column" (1-based) of the first occurrence of <paramref name="marker"/> in the snippet.</summary>
        private static string At(string source, string marker)
        {
            int index = source.IndexOf(marker, System.StringComparison.Ordinal);
            Assert.True(index >= 0, marker);
            string before = source.Substring(0, index);
            int line = before.Count(c => c == '\n') + 1;
            int column = index - (before.LastIndexOf('\n') + 1) + 1;
            return $"{line}:{column}";
        }

        private static void Expect(string body, params (string Id, string Marker)[] expected)
        {
            string source = DslCompilation.Xdp(body, Members);
            ProgramCompilation result = DslCompilation.Compile("P", source);
            Assert.True(
                expected.Select(e => e.Id + " " + At(source, e.Marker)).OrderBy(s => s, System.StringComparer.Ordinal).SequenceEqual(DslCompilation.Describe(result.Diagnostics)),
                string.Join("\n", result.Diagnostics.Select(d => d.ToString())));
            Assert.Null(result.Image);
        }

        [Fact]
        public void Floating_point_is_reported_where_it_appears() =>
            Expect("int n = ctx.Packet.Length; double d = n * 1.5; return XdpAction.Pass;", ("EBPF2004", "double d"), ("EBPF2004", "1.5"));

        [Fact]
        public void Allocation_of_a_reference_type() =>
            Expect("object o = new object(); return XdpAction.Pass;", ("EBPF2002", "new object()"));

        [Fact]
        public void Throw_is_reported_at_the_throw_keyword_like_the_analyzer() =>
            Expect("if (ctx.Packet.Length == 0) throw new System.InvalidOperationException(); return XdpAction.Pass;", ("EBPF2005", "throw"));

        [Fact]
        public void A_switch_expression_without_a_discard_arm_can_throw() =>
            Expect("return ctx.Packet.Length switch { 0 => XdpAction.Drop, 1 => XdpAction.Tx };", ("EBPF2005", "ctx.Packet.Length switch"));

        [Fact]
        public void Recursion_through_an_inlined_method() =>
            Expect("return Down(ctx.Packet.Length) == 0 ? XdpAction.Pass : XdpAction.Drop;", ("EBPF2007", "Down(x - 1)"));

        [Fact]
        public void A_map_value_silenced_with_the_null_forgiving_operator_is_unchecked() =>
            Expect("var c = Stats.Lookup(0); c!.Value.Packets = 1; return XdpAction.Pass;", ("EBPF3001", "c!"));

        [Fact]
        public void A_map_value_used_without_a_null_check_is_unchecked() =>
            Expect("var c = Stats.Lookup(0); if (ctx.Packet.Length > 0) c.Value.Packets = 1; return XdpAction.Pass;", ("EBPF3001", "c.Value.Packets"));

        [Fact]
        public void Strings_outside_a_trace_format() =>
            Expect("string s = \"x\"; return XdpAction.Pass;", ("EBPF2003", "\"x\""));

        [Fact]
        public void A_mutable_static_field_is_not_configuration() =>
            Expect("return Counter > 1 ? XdpAction.Pass : XdpAction.Drop;", ("EBPF1004", "Counter = 3"));

        [Fact]
        public void Lambdas_are_indirect_calls() =>
            Expect("System.Func<int, int> f = x => x + 1; return XdpAction.Pass;", ("EBPF2006", "x => x + 1"));

        [Fact]
        public void Managed_only_members_are_refused() =>
            Expect("Stats.Clear(); return XdpAction.Pass;", ("EBPF2001", "Stats.Clear()"));

        [Fact]
        public void A_call_to_a_method_without_source() =>
            Expect("return System.Math.Abs(ctx.Packet.Length) > 1 ? XdpAction.Pass : XdpAction.Drop;", ("EBPF2008", "System.Math.Abs(ctx.Packet.Length)"));

        [Fact]
        public void Several_problems_are_all_reported() =>
            Expect(
                "object o = new object(); double d = 2.5; if (ctx.Packet.Length == 0) throw new System.Exception(); return XdpAction.Pass;",
                ("EBPF2002", "new object()"),
                ("EBPF2004", "double d"),
                ("EBPF2004", "2.5"),
                ("EBPF2005", "throw"));

        [Fact]
        public void A_program_with_the_wrong_signature()
        {
            string source = DslCompilation.Usings + "public static class P\n{\n    [Xdp]\n    public static int Bad(XdpContext ctx) => 0;\n}\n";
            ProgramCompilation result = DslCompilation.Compile("P", source);
            Assert.Equal(new[] { "EBPF1001 " + At(source, "int Bad(") }, DslCompilation.Describe(result.Diagnostics));
        }

        [Fact]
        public void A_long_program_name_is_a_warning_and_still_compiles()
        {
            string source = DslCompilation.Usings + "public static class P\n{\n    [Xdp]\n    public static XdpAction AVeryLongProgramName(XdpContext ctx) => XdpAction.Pass;\n}\n";
            ProgramCompilation result = DslCompilation.Compile("P", source);
            Assert.Equal(new[] { "EBPF1003 " + At(source, "AVeryLongProgramName(") }, DslCompilation.Describe(result.Diagnostics));
            Assert.NotNull(result.Image);
        }

        [Fact]
        public void Map_arguments_must_be_constants()
        {
            string source = DslCompilation.Usings +
                "public static class P\n{\n    static int Size() => 4;\n    static readonly ArrayMap<uint> M = new(maxEntries: Size());\n    [Xdp]\n    public static XdpAction Run(XdpContext ctx) => XdpAction.Pass;\n}\n";
            Assert.Equal(new[] { "EBPF1002 " + At(source, "maxEntries: Size()") }, DslCompilation.Describe(DslCompilation.Compile("P", source).Diagnostics));
        }

        [Fact]
        public void Tail_calls_between_ingress_and_egress_programs_share_no_program_array()
        {
            string source = DslCompilation.Usings + @"public static class P
{
    static readonly ProgramArrayMap<SkBuffContext, CgroupSkbVerdict> Next = new(maxEntries: 2);
    [CgroupSkb(CgroupSkbDirection.Egress)]
    public static CgroupSkbVerdict Out(SkBuffContext ctx) => Next.TailCall(ctx, In) ?? CgroupSkbVerdict.Drop;
    [CgroupSkb(CgroupSkbDirection.Ingress)]
    public static CgroupSkbVerdict In(SkBuffContext ctx) => CgroupSkbVerdict.Allow;
}
";
            Assert.Equal(new[] { "EBPF4005 " + At(source, "In) ??") }, DslCompilation.Describe(DslCompilation.Compile("P", source).Diagnostics));
        }

        [Fact]
        public void A_tail_call_whose_result_is_not_returned_at_once()
        {
            string source = DslCompilation.Usings + @"public static class P
{
    static readonly ProgramArrayMap<XdpContext, XdpAction> Next = new(maxEntries: 1);
    [Xdp]
    public static XdpAction A(XdpContext ctx)
    {
        XdpAction? result = Next.TailCall(ctx, B);
        return result ?? XdpAction.Drop;
    }
    [Xdp]
    public static XdpAction B(XdpContext ctx) => XdpAction.Pass;
}
";
            // Nullable verdict locals are not supported either: both are reported.
            Assert.Equal(
                new[] { "EBPF2001 " + At(source, "result = Next"), "EBPF2001 " + At(source, "Next.TailCall(ctx, B)") },
                DslCompilation.Describe(DslCompilation.Compile("P", source).Diagnostics));
        }

        [Fact]
        public void A_program_array_smaller_than_its_targets_is_the_seeds_second_bug()
        {
            string source = DslCompilation.Usings + @"public static class P
{
    static readonly ProgramArrayMap<XdpContext, XdpAction> Next = new(maxEntries: 1);
    [Xdp]
    public static XdpAction A(XdpContext ctx) => Next.TailCall(ctx, B) ?? XdpAction.Drop;
    [Xdp]
    public static XdpAction B(XdpContext ctx) => Next.TailCall(ctx, C) ?? XdpAction.Drop;
    [Xdp]
    public static XdpAction C(XdpContext ctx) => XdpAction.Pass;
}
";
            Assert.Equal(new[] { "EBPF4006 " + At(source, "C) ??") }, DslCompilation.Describe(DslCompilation.Compile("P", source).Diagnostics));
        }
    }
}

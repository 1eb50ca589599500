using Ebpf.Compiler.Analyzers;
using Xunit;

namespace Ebpf.Compiler.Tests.Analyzers;

public class UnsupportedCSharpAnalyzerTests
{
    private static readonly UnsupportedCSharpAnalyzer Analyzer = new();

    [Fact]
    public void FloatingPointIsReportedWhereItEntersTheCode()
    {
        var diagnostics = AnalyzerAssert.Reports(Analyzer, """
            public static class Programs
            {
                const double Ratio = 0.5;

                [Xdp]
                public static XdpAction Rate(XdpContext ctx)
                {
                    {|EBPF2004:double|} share = ctx.Packet.Length / {|EBPF2004:2.5|};
                    var scaled = ({|EBPF2004:float|})ctx.Packet.Length * share;
                    var root = {|EBPF2004:Math.Sqrt(ctx.Packet.Length)|};
                    return scaled > root * {|EBPF2004:Ratio|} ? XdpAction.Drop : XdpAction.Pass;
                }
            }
            """);
        Assert.Equal("'double' is floating point, which eBPF has no instructions for: use integer arithmetic (for example fixed point in a 'long')",
            diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void SignaturesOfCalledMethodsAreChecked()
    {
        AnalyzerAssert.Reports(Analyzer, """
            public static class Programs
            {
                [Xdp]
                public static XdpAction Rate(XdpContext ctx) => Half({|EBPF2004:Limit()|}) > 0 && {|EBPF2003:Name(1)|} is not null ? XdpAction.Pass : XdpAction.Drop;

                static long Half({|EBPF2004:double|} value) => (long)(value / 2);
                static {|EBPF2004:double|} Limit() => 0;
                static {|EBPF2003:string|} Name(int id) => {|EBPF2003:"n"|};
                static double NotCalled(double value) => value;
            }
            """);
    }

    [Fact]
    public void AllocationsAreReported()
    {
        AnalyzerAssert.Reports(Analyzer, """
            public sealed class Box { public int Value; }

            public static class Programs
            {
                [Xdp]
                public static XdpAction Allocate(XdpContext ctx)
                {
                    var box = {|EBPF2002:new Box()|};
                    var ports = {|EBPF2002:new ushort[] { 80, 443 }|};
                    object boxed = {|EBPF2002:ctx.Packet.Length|};
                    var pair = {|EBPF2002:new { A = 1 }|};
                    var key = new LpmKey<uint>(32, 0);
                    return box.Value + ports.Length + pair.A + (int)key.PrefixLength > 0 && boxed is not null ? XdpAction.Pass : XdpAction.Drop;
                }
            }
            """);
    }

    [Fact]
    public void StringsAreAllowedOnlyAsTracePrintkFormats()
    {
        AnalyzerAssert.Reports(Analyzer, """
            public static class Programs
            {
                const string Format = "len=%d";
                static readonly string Tag = "filter";

                [Xdp]
                public static XdpAction Trace(XdpContext ctx)
                {
                    Bpf.TracePrintk("packet");
                    Bpf.TracePrintk(Format, ctx.Packet.Length);
                    Bpf.TracePrintk("a=%d " + "b=%d", 1, 2);
                    string label = {|EBPF2003:"drop"|};
                    Bpf.TracePrintk({|EBPF2003:label|});
                    Bpf.TracePrintk({|EBPF2002:"tag " + Tag|});
                    Bpf.TracePrintk({|EBPF2002:$"len={ctx.Packet.Length}"|});
                    return {|EBPF2003:Tag|}.Length > 0 ? XdpAction.Pass : XdpAction.Drop;
                }
            }
            """);
    }

    [Fact]
    public void ExceptionsAreReportedOncePerConstruct()
    {
        AnalyzerAssert.Reports(Analyzer, """
            public static class Programs
            {
                [Xdp]
                public static XdpAction Fail(XdpContext ctx)
                {
                    var eth = ctx.Packet.At<EthernetHeader>(0) ?? {|EBPF2005:throw|} new InvalidOperationException("short " + 1.5);
                    {|EBPF2005:try|}
                    {
                        if (eth.Value.EtherType != EtherType.Ipv4) {|EBPF2005:throw|} new InvalidOperationException();
                    }
                    catch (InvalidOperationException)
                    {
                        return XdpAction.Aborted;
                    }

                    int length = ctx.Packet.Length;
                    int doubled = checked({|EBPF2005:length * 2|});
                    return doubled > 0 ? XdpAction.Pass : XdpAction.Drop;
                }
            }
            """);
    }

    [Fact]
    public void CheckedProjectsGetADiagnosticPerCheckedOperation()
    {
        AnalyzerAssert.Reports(Analyzer, """
            public static class Programs
            {
                [Xdp]
                public static XdpAction Count(XdpContext ctx)
                {
                    int length = ctx.Packet.Length;
                    {|EBPF2005:length++|};
                    {|EBPF2005:length += 4|};
                    return {|EBPF2005:length - 1|} > 0 ? XdpAction.Pass : XdpAction.Drop;
                }
            }
            """, checkedArithmetic: true);
    }

    [Fact]
    public void IndirectCallsAreReportedButTailCallTargetsAreNot()
    {
        AnalyzerAssert.Reports(Analyzer, """
            public interface IRule { bool Matches(int length); }
            public struct MinLength : IRule { public bool Matches(int length) => length > 14; }

            public static class Programs
            {
                static readonly ProgramArrayMap<XdpContext, XdpAction> Next = new(maxEntries: 1);

                [Xdp]
                public static XdpAction First(XdpContext ctx)
                {
                    Func<int, int> twice = {|EBPF2006:x => x * 2|};
                    Func<XdpContext, XdpAction> other = {|EBPF2006:Second|};
                    IRule rule = {|EBPF2002:new MinLength()|};
                    if ({|EBPF2006:rule.Matches(ctx.Packet.Length)|} && {|EBPF2006:twice(1)|} > 0) return XdpAction.Drop;
                    var direct = new MinLength();
                    if (direct.Matches(ctx.Packet.Length)) return XdpAction.Pass;
                    return Next.TailCall(ctx, Second) ?? XdpAction.Aborted;
                }

                [Xdp]
                public static XdpAction Second(XdpContext ctx) => XdpAction.Pass;
            }
            """);
    }

    [Fact]
    public void ConstrainedCallsOnStructTypeParametersAreNotDispatchedButOtherTypeParametersAre()
    {
        AnalyzerAssert.Reports(Analyzer, """
            public interface IRule { bool Matches(int length); }
            public struct MinLength : IRule { public bool Matches(int length) => length > 14; }

            public static class Programs
            {
                [Xdp]
                public static XdpAction First(XdpContext ctx) =>
                    Check(new MinLength(), ctx.Packet.Length) && CheckUnmanaged(new MinLength(), ctx.Packet.Length) && CheckAny(new MinLength(), ctx.Packet.Length)
                        ? XdpAction.Drop : XdpAction.Pass;

                static bool Check<T>(T rule, int length) where T : struct, IRule => rule.Matches(length);
                static bool CheckUnmanaged<T>(T rule, int length) where T : unmanaged, IRule => rule.Matches(length);
                static bool CheckAny<T>(T rule, int length) where T : IRule => {|EBPF2006:rule.Matches(length)|};
            }
            """);
    }

    [Fact]
    public void CalleesAreCheckedAndOrdinaryCodeIsNot()
    {
        var diagnostics = AnalyzerAssert.Reports(Analyzer, """
            public static class Programs
            {
                [Xdp]
                public static XdpAction Entry(XdpContext ctx) => Parsing.Classify(ctx.Packet.Length);
            }

            public static class Parsing
            {
                public static XdpAction Classify(int length) => Scale(length) > 100 ? XdpAction.Drop : XdpAction.Pass;

                static int Scale(int length)
                {
                    {|EBPF2004:double|} factor = {|EBPF2004:1.5|};
                    int[] table = {|EBPF2002:{ 1, 2 }|};
                    return (int)(length * factor) + table[0];
                }

                public static string Describe(double value) => "value " + value + new int[] { 1 }.Length;
            }

            public class UserSide
            {
                public double Average(int[] values) { try { return System.Linq.Enumerable.Average(values); } catch { throw new InvalidOperationException($"{values.Length}"); } }
                public Func<int, int> Twice => x => x * 2;
            }
            """);
        Assert.Equal(3, diagnostics.Length);
    }
}

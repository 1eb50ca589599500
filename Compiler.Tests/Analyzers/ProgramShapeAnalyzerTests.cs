using Ebpf.Compiler.Analyzers;
using Ebpf.Compiler.Diagnostics;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Ebpf.Compiler.Tests.Analyzers;

public class ProgramShapeAnalyzerTests
{
    private static readonly ProgramShapeAnalyzer Analyzer = new();

    [Fact]
    public void WellFormedProgramsMapsAndConstantsGetNothing()
    {
        var diagnostics = AnalyzerAssert.Reports(Analyzer, """
            public static class Filter
            {
                const int MinLength = 14;
                static readonly int Limit = 1500;
                static readonly PerCpuArrayMap<ulong> Drops = new(maxEntries: 1);
                static readonly HashMap<uint, ulong> Seen = new HashMap<uint, ulong>(64, MapFlags.None);
                static readonly ProgramArrayMap<SkBuffContext, CgroupSkbVerdict> Next = new(maxEntries: 2);

                [Xdp]
                public static XdpAction Drop(XdpContext ctx)
                {
                    if (ctx.Packet.Length < MinLength || ctx.Packet.Length > Limit) return XdpAction.Drop;
                    var drops = Drops.Lookup(0);
                    if (drops is not null) drops.Value++;
                    return Seen.Lookup(1) is null ? XdpAction.Pass : XdpAction.Drop;
                }

                [CgroupSkb(CgroupSkbDirection.Egress)]
                public static CgroupSkbVerdict Egress(SkBuffContext ctx) => Next.TailCall(ctx, Egress) ?? CgroupSkbVerdict.Allow;

                [SchedCls] public static TcAction Classify(SkBuffContext ctx) => TcAction.Ok;

                [SocketFilter] public static uint Socket(SkBuffContext ctx) => 0;
            }
            """);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void ProgramSignatureProblemsAreEachReportedWhereTheyAre()
    {
        var diagnostics = AnalyzerAssert.Reports(Analyzer, """
            public class Programs
            {
                [Xdp]
                public XdpAction {|EBPF1001:Instance|}(XdpContext ctx) => XdpAction.Pass;

                [Xdp]
                public static {|EBPF1001:int|} WrongReturn(XdpContext ctx) => 0;

                [Xdp]
                public static XdpAction TwoParameters{|EBPF1001:(XdpContext ctx, int extra)|} => XdpAction.Pass;

                [CgroupSkb(CgroupSkbDirection.Ingress)]
                public static CgroupSkbVerdict WrongContext({|EBPF1001:XdpContext ctx|}) => CgroupSkbVerdict.Allow;

                [SchedCls]
                public static TcAction ByRef({|EBPF1001:ref SkBuffContext ctx|}) => TcAction.Ok;

                [SocketFilter]
                public static uint Generic{|EBPF1001:<T>|}(SkBuffContext ctx) => 0;
            }
            """);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.Equal(
            "Program 'Instance' with [Xdp] must be declared as 'static XdpAction Instance(XdpContext ctx)'",
            diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(CodeFixKind.MakeStatic, diagnostics[0].Properties[CodeFixKind.PropertyName]);
        Assert.False(diagnostics[1].Properties.ContainsKey(CodeFixKind.PropertyName));
    }

    [Fact]
    public void ProgramNamesLongerThanFifteenBytesAreWarnings()
    {
        var diagnostics = AnalyzerAssert.Reports(Analyzer, """
            public static class Programs
            {
                [Xdp] public static XdpAction Exactly15Bytes_(XdpContext ctx) => XdpAction.Pass;
                [Xdp] public static XdpAction {|EBPF1003:DropFragmentedPackets|}(XdpContext ctx) => XdpAction.Drop;
                [Xdp] public static XdpAction {|EBPF1003:Fünfzehn_Bytes1|}(XdpContext ctx) => XdpAction.Drop;
            }
            """);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Contains("is 21 bytes long", diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        // 15 characters, but 'ü' takes two bytes in UTF-8.
        Assert.Contains("is 16 bytes long", diagnostics[1].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void MapDeclarationProblemsAreReportedAtTheField()
    {
        var diagnostics = AnalyzerAssert.Reports(Analyzer, """
            public class Programs
            {
                static ArrayMap<ulong> {|EBPF1002:Mutable|} = new(maxEntries: 4);
                readonly ArrayMap<ulong> {|EBPF1002:Instance|} = new(maxEntries: 4);
                static readonly ArrayMap<ulong> Computed = new({|EBPF1002:maxEntries: Size()|}, {|EBPF1002:Flags|});
                static readonly ArrayMap<ulong> Made = {|EBPF1002:Make()|};
                static readonly RingBufferMap {|EBPF1002:Missing|};
                static MapFlags Flags = MapFlags.None;

                static int Size() => 4;
                static ArrayMap<ulong> Make() => new(4);

                [Xdp]
                public static XdpAction Count(XdpContext ctx) => XdpAction.Pass;
            }
            """);
        Assert.Equal(CodeFixKind.MakeStaticReadonly, diagnostics[0].Properties[CodeFixKind.PropertyName]);
        Assert.Equal(
            "Map 'Mutable' is not readonly: declare it as 'static readonly' and initialise it with 'new(...)' whose arguments are constants",
            diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void MapsOutsideProgramsAreOrdinaryCSharp()
    {
        var diagnostics = AnalyzerAssert.Reports(Analyzer, """
            public class UserSide
            {
                ArrayMap<ulong> counters = new(maxEntries: int.Parse("4"));
                static int Calls;
                public ulong Read() { Calls++; return counters.Lookup(0)?.Value ?? 0; }
            }
            """);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void StaticFieldsUsedByProgramsMustBeConstant()
    {
        AnalyzerAssert.Reports(Analyzer, """
            public static class Settings
            {
                public static int {|EBPF1004:Threshold|} = 10;
                public static readonly int Computed = {|EBPF1004:Environment.ProcessorCount|};
                public static readonly int {|EBPF1004:SetInConstructor|};
                public static readonly int Fixed = 64 * 2;
                public const int Constant = 3;
                public static int UnusedByPrograms = 5;
                static Settings() { SetInConstructor = 1; }
            }

            public static class Programs
            {
                [Xdp]
                public static XdpAction Check(XdpContext ctx) => Below(ctx.Packet.Length) ? XdpAction.Pass : XdpAction.Drop;

                static bool Below(int length) =>
                    length < Settings.Threshold + Settings.Computed + Settings.SetInConstructor + Settings.Fixed + Settings.Constant;

                public static int UserSide() => Settings.UnusedByPrograms;
            }
            """);
    }
}

using Ebpf.Compiler.Analyzers;
using Ebpf.Compiler.CodeFixes;
using Xunit;

namespace Ebpf.Compiler.Tests.Analyzers;

public class CodeFixTests
{
    [Fact]
    public void ProgramMethodsBecomeStatic()
    {
        var (titles, result) = CodeFixRunner.Apply(new ProgramShapeAnalyzer(), new MakeProgramStaticCodeFix(), AnalyzerRunner.Usings + """
            public class Programs
            {
                [Xdp]
                public XdpAction Pass(XdpContext ctx) => XdpAction.Pass;

                [Xdp]
                XdpAction Drop(XdpContext ctx) => XdpAction.Drop;

                [Xdp]
                public static int WrongReturn(XdpContext ctx) => 0;
            }
            """);

        Assert.Equal(new[] { "Make 'Pass' static", "Make 'Drop' static" }, titles);
        Assert.Equal(AnalyzerRunner.Usings + """
            public class Programs
            {
                [Xdp]
                public static XdpAction Pass(XdpContext ctx) => XdpAction.Pass;

                [Xdp]
                static XdpAction Drop(XdpContext ctx) => XdpAction.Drop;

                [Xdp]
                public static int WrongReturn(XdpContext ctx) => 0;
            }
            """, result);
    }

    [Fact]
    public void MapFieldsBecomeStaticReadonly()
    {
        var (titles, result) = CodeFixRunner.Apply(new ProgramShapeAnalyzer(), new MakeMapStaticReadonlyCodeFix(), AnalyzerRunner.Usings + """
            public class Programs
            {
                static ArrayMap<ulong> Counters = new(maxEntries: 4);
                public readonly HashMap<uint, ulong> Seen = new(maxEntries: 16);
                ArrayMap<ulong> Plain = new(maxEntries: 1);
                static readonly ArrayMap<ulong> Computed = new(int.Parse("4"));

                [Xdp]
                public static XdpAction Pass(XdpContext ctx) => XdpAction.Pass;
            }
            """);

        Assert.Equal(new[] { "Make 'Counters' static readonly", "Make 'Seen' static readonly", "Make 'Plain' static readonly" }, titles);
        Assert.Equal(AnalyzerRunner.Usings + """
            public class Programs
            {
                static readonly ArrayMap<ulong> Counters = new(maxEntries: 4);
                public static readonly HashMap<uint, ulong> Seen = new(maxEntries: 16);
                static readonly ArrayMap<ulong> Plain = new(maxEntries: 1);
                static readonly ArrayMap<ulong> Computed = new(int.Parse("4"));

                [Xdp]
                public static XdpAction Pass(XdpContext ctx) => XdpAction.Pass;
            }
            """, result);
    }
}

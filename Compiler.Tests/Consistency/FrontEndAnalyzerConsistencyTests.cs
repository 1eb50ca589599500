using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Ebpf.Compiler.Analyzers;
using Ebpf.Compiler.Diagnostics;
using Ebpf.Compiler.Driver;
using Ebpf.Compiler.Tests.Analyzers;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Ebpf.Compiler.Tests.Consistency;

/// <summary>
/// For the analyzer-owned ids, the front end and the analyzers report the same problems with the same id, message and
/// span, so <c>ebpf-compile</c> (which runs both and keeps one per id and location) and the IDE (analyzers, plus the
/// generator without those ids) both show each problem exactly once; and the front end refuses to make an image.
/// </summary>
public class FrontEndAnalyzerConsistencyTests
{
    private const string Members = @"
    public struct Counters { public ulong Packets; }
    static readonly ArrayMap<Counters> Stats = new(maxEntries: 1);
    static int Counter = 3;
    static int Half(double x) => 0;
";

    /// <summary>Bad snippets: a name, and a whole source file.</summary>
    public static TheoryData<string, string> Snippets()
    {
        var data = new TheoryData<string, string>();
        void Body(string name, string body) => data.Add(name, Xdp(body));
        Body("double local with an implicit int conversion", "double d = 2.5; int n = ctx.Packet.Length; d = n; return d > 1 ? XdpAction.Pass : XdpAction.Drop;");
        Body("floating point arithmetic", "int n = ctx.Packet.Length; double d = n * 1.5; return XdpAction.Pass;");
        Body("float cast", "int n = ctx.Packet.Length; var f = (float)n; return XdpAction.Pass;");
        Body("double parameter of a called method", "return Half(ctx.Packet.Length) == 0 ? XdpAction.Pass : XdpAction.Drop;");
        Body("throw", "if (ctx.Packet.Length == 0) throw new System.InvalidOperationException(); return XdpAction.Pass;");
        Body("throw expression", "int n = ctx.Packet.Length > 0 ? ctx.Packet.Length : throw new System.Exception(); return XdpAction.Pass;");
        Body("try finally", "int n = 0; try { n = ctx.Packet.Length; } finally { n++; } return n > 0 ? XdpAction.Pass : XdpAction.Drop;");
        Body("switch expression without a discard arm", "return ctx.Packet.Length switch { 0 => XdpAction.Drop, 1 => XdpAction.Tx };");
        Body("checked arithmetic", "int n = ctx.Packet.Length; int m = checked(n * 2); return m > 0 ? XdpAction.Pass : XdpAction.Drop;");
        Body("checked conversion", "int n = ctx.Packet.Length; byte b = checked((byte)n); return b > 0 ? XdpAction.Pass : XdpAction.Drop;");
        Body("object allocation", "object o = new object(); return XdpAction.Pass;");
        Body("array", "int[] a = new int[4]; return a.Length > 0 ? XdpAction.Pass : XdpAction.Drop;");
        Body("boxing", "int n = ctx.Packet.Length; object o = n; return XdpAction.Pass;");
        Body("string local", "string s = \"x\"; return XdpAction.Pass;");
        Body("interpolated string", "string s = $\"{ctx.Packet.Length}\"; return XdpAction.Pass;");
        Body("lambda", "System.Func<int, int> f = x => x + 1; return XdpAction.Pass;");
        Body("delegate call", "System.Func<int> f = null!; return f() > 0 ? XdpAction.Pass : XdpAction.Drop;");
        Body("mutable configuration field", "return Counter > 1 ? XdpAction.Pass : XdpAction.Drop;");
        Body(
            "several problems",
            "object o = new object(); double d = 2.5; if (ctx.Packet.Length == 0) throw new System.Exception(); return XdpAction.Pass;");
        data.Add("wrong program signature", Class("    [Xdp]\n    public static int Bad(XdpContext ctx) => 0;"));
        data.Add("instance program", Class("    [Xdp]\n    public XdpAction Bad(XdpContext ctx) => XdpAction.Pass;"));
        data.Add("long program name", Class("    [Xdp]\n    public static XdpAction AVeryLongProgramName(XdpContext ctx) => XdpAction.Pass;"));
        data.Add(
            "map argument that is not constant",
            Class("    static int Size() => 4;\n    static readonly ArrayMap<uint> M = new(maxEntries: Size());\n" + Program));
        data.Add("map that is not readonly", Class("    static ArrayMap<uint> M = new(maxEntries: 1);\n" + Program));
        data.Add("map without an initializer", Class("    static readonly ArrayMap<uint> M;\n" + Program));
        return data;
    }

    private const string Program = "    [Xdp]\n    public static XdpAction Run(XdpContext ctx) => XdpAction.Pass;";

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Front_end_and_analyzers_report_analyzer_owned_ids_with_the_same_message_at_the_same_span(string name, string source)
    {
        Compilation compilation = AnalyzerRunner.Compile(source);
        string[] analyzers = Describe(AnalyzerRunner.Analyze(compilation, new ProgramShapeAnalyzer(), new UnsupportedCSharpAnalyzer()));
        var frontEnd = new List<Diagnostic>();
        bool imageRefused = true;
        foreach (INamedTypeSymbol programClass in ProgramCompiler.FindProgramClasses(compilation, CancellationToken.None))
        {
            ProgramCompilation result = ProgramCompiler.Compile(compilation, programClass, CancellationToken.None);
            frontEnd.AddRange(result.Diagnostics);
            imageRefused &= result.Image is null;
        }

        Assert.NotEmpty(analyzers);
        Assert.Equal(analyzers, Describe(frontEnd.Where(d => DiagnosticCatalogue.AnalyzerOwned.Contains(d.Id))));
        Assert.True(
            imageRefused == frontEnd.Any(d => d.Severity == DiagnosticSeverity.Error),
            name + ": an image must be refused exactly when there is an error");
        Assert.True(
            analyzers.All(a => !a.Contains("error", StringComparison.Ordinal)) || imageRefused,
            name + ": the analyzers found an error but the front end made an image");
    }

    [Fact]
    public void The_command_line_merge_keeps_one_diagnostic_per_problem()
    {
        string source = Xdp("object o = new object(); double d = 2.5; int n = ctx.Packet.Length; d = n; if (n == 0) throw new System.Exception(); return XdpAction.Pass;");
        Compilation compilation = AnalyzerRunner.Compile(source);
        ImmutableArray<Diagnostic> analyzers = AnalyzerRunner.Analyze(compilation, new ProgramShapeAnalyzer(), new UnsupportedCSharpAnalyzer());
        INamedTypeSymbol programClass = Assert.Single(ProgramCompiler.FindProgramClasses(compilation, CancellationToken.None));
        ProgramCompilation compiled = ProgramCompiler.Compile(compilation, programClass, CancellationToken.None);

        // What CompilerCli's DslSourceCompiler keeps: one per id and location.
        var merged = analyzers.Concat(compiled.Diagnostics)
            .GroupBy(d => (d.Id, d.Location.SourceSpan))
            .Select(g => g.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToArray())
            .ToArray();

        Assert.Equal(
            new[] { "EBPF2002 new object()", "EBPF2004 double", "EBPF2004 2.5", "EBPF2005 throw" },
            analyzers.Select(d => d.Id + " " + d.Location.SourceTree!.ToString().Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)));
        Assert.Equal(analyzers.Length, merged.Length);
        Assert.All(merged, messages => Assert.Single(messages));
        Assert.Null(compiled.Image);
    }

    [Fact]
    public void A_helper_shared_by_two_programs_is_reported_once()
    {
        string source = Class(
            "    static int Half(double x) => 0;\n" +
            "    [Xdp]\n    public static XdpAction A(XdpContext ctx) => Half(ctx.Packet.Length) == 0 ? XdpAction.Pass : XdpAction.Drop;\n" +
            "    [Xdp]\n    public static XdpAction B(XdpContext ctx) => Half(1) == 0 ? XdpAction.Pass : XdpAction.Drop;");
        Compilation compilation = AnalyzerRunner.Compile(source);
        INamedTypeSymbol programClass = Assert.Single(ProgramCompiler.FindProgramClasses(compilation, CancellationToken.None));
        ProgramCompilation compiled = ProgramCompiler.Compile(compilation, programClass, CancellationToken.None);

        Diagnostic reported = Assert.Single(compiled.Diagnostics);
        Assert.Equal("EBPF2004", reported.Id);
        Assert.Equal("double", source.Substring(reported.Location.SourceSpan.Start, reported.Location.SourceSpan.Length));
    }

    private static string[] Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .Select(d => $"{d.Id} {d.Severity.ToString().ToLowerInvariant()} {d.Location.GetLineSpan().Span} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .Distinct()
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();

    private static string Xdp(string body) =>
        Class(Members + "\n    [Xdp]\n    public static XdpAction Run(XdpContext ctx)\n    {\n        " + body + "\n    }");

    private static string Class(string members) => AnalyzerRunner.Usings + "public class P\n{\n" + members + "\n}\n";
}

using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Ebpf.Compiler.Analyzers;
using Xunit;

namespace Ebpf.Compiler.Tests.Analyzers;

/// <summary>The programs the project ships, and the DSL's sample programs, are clean: the analyzers must not cry wolf on them.</summary>
public class ShippedProgramsTests
{
    [Theory]
    [InlineData("Programs")]
    [InlineData("Dsl.Tests/Programs")]
    [InlineData("Dsl.Tests/TailCalls")]
    public void AnalyzersReportNothingOnRealPrograms(string folder)
    {
        string directory = Path.Combine(RepositoryRoot(), folder);
        var files = Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar))
            .Select(path => (path, File.ReadAllText(path)))
            .ToArray();
        Assert.NotEmpty(files);

        var compilation = AnalyzerRunner.Compile(files);
        Assert.Contains(compilation.SyntaxTrees, tree => tree.ToString().Contains("[Xdp]") || tree.ToString().Contains("[CgroupSkb("));
        var diagnostics = AnalyzerRunner.Analyze(compilation, new ProgramShapeAnalyzer(), new UnsupportedCSharpAnalyzer());
        Assert.Empty(diagnostics.Select(d => d.ToString()));
    }

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}

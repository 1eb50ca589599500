using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Ebpf.Compiler.Diagnostics;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Ebpf.Compiler.Tests.Consistency;

/// <summary>
/// Every diagnostic the front end can report comes from a catalogue descriptor: its reporting call sites
/// (Compiler/FrontEnd and Compiler/Driver) name <c>DiagnosticCatalogue</c> fields that exist, and nothing outside
/// Compiler/Diagnostics makes a descriptor or a diagnostic from a bare id.
/// </summary>
public class FrontEndCatalogueUsageTests
{
    private static readonly string[] FrontEndFolders = { "FrontEnd", "Driver" };

    [Fact]
    public void Every_descriptor_the_front_end_names_is_in_the_catalogue()
    {
        var descriptors = typeof(DiagnosticCatalogue).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .ToDictionary(f => f.Name, f => (DiagnosticDescriptor)f.GetValue(null)!);
        var named = FrontEndSources()
            .SelectMany(file => Regex.Matches(File.ReadAllText(file), @"DiagnosticCatalogue\.(?<name>[A-Z]\w*)").Select(m => (file, name: m.Groups["name"].Value)))
            .Where(use => use.name != nameof(DiagnosticCatalogue.AnalyzerOwned))
            .ToArray();

        Assert.NotEmpty(named);
        Assert.All(named, use => Assert.True(descriptors.ContainsKey(use.name), $"{Path.GetFileName(use.file)} names DiagnosticCatalogue.{use.name}, which is not a descriptor"));
        Assert.All(named, use => Assert.Contains(descriptors[use.name], DiagnosticCatalogue.All));
    }

    [Fact]
    public void Front_end_call_sites_report_descriptors_not_bare_ids_or_messages()
    {
        Assert.All(FrontEndSources(), file =>
        {
            string text = File.ReadAllText(file);
            Assert.DoesNotMatch(@"new DiagnosticDescriptor\(", text);
            Assert.DoesNotMatch(@"""EBPF\d{4}""", text);
            Assert.DoesNotMatch(@"\.Report\(\s*FrontEndDiagnostics\.", text);
            Assert.DoesNotMatch(@"FrontEndDiagnostics\.Create\(\s*FrontEndDiagnostics\.", text);
        });
    }

    /// <summary>The generator's <c>DiagnosticInfo</c> re-creates reported diagnostics from its cached model; nobody else makes descriptors.</summary>
    [Fact]
    public void Only_the_catalogue_creates_descriptors_for_the_front_end_and_the_analyzers()
    {
        string compiler = Path.Combine(RepositoryRoot(), "Compiler");
        var creators = new[] { "FrontEnd", "Driver", "Analyzers" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(compiler, folder), "*.cs", SearchOption.AllDirectories))
            .Where(file => !IsBuildOutput(file) && Regex.IsMatch(File.ReadAllText(file), @"new\s+(Microsoft\.CodeAnalysis\.)?DiagnosticDescriptor\s*\("))
            .Select(file => Path.GetRelativePath(compiler, file).Replace('\\', '/'))
            .ToArray();

        Assert.Empty(creators);
    }

    private static string[] FrontEndSources()
    {
        string compiler = Path.Combine(RepositoryRoot(), "Compiler");
        string[] files = FrontEndFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(compiler, folder), "*.cs", SearchOption.AllDirectories))
            .Where(file => !IsBuildOutput(file))
            .ToArray();
        Assert.NotEmpty(files);
        return files;
    }

    private static bool IsBuildOutput(string file) =>
        file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    private static string RepositoryRoot([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));
}

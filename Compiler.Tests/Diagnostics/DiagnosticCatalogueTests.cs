using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Ebpf.Compiler.Analyzers;
using Ebpf.Compiler.Diagnostics;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Ebpf.Compiler.Tests.Diagnostics;

public class DiagnosticCatalogueTests
{
    private static readonly Dictionary<char, string> CategoryOfRange = new()
    {
        ['1'] = DiagnosticCatalogue.ShapeCategory,
        ['2'] = DiagnosticCatalogue.UnsupportedCSharpCategory,
        ['3'] = DiagnosticCatalogue.TypesAndMemoryCategory,
        ['4'] = DiagnosticCatalogue.KernelLimitsCategory,
        ['9'] = DiagnosticCatalogue.InternalCategory,
    };

    [Fact]
    public void IdsAreUniqueWellFormedAndInTheirCategorysRange()
    {
        Assert.Equal(DiagnosticCatalogue.All.Length, DiagnosticCatalogue.All.Select(d => d.Id).Distinct().Count());
        Assert.All(DiagnosticCatalogue.All, d =>
        {
            Assert.Matches("^EBPF[12349][0-9]{3}$", d.Id);
            Assert.Equal(CategoryOfRange[d.Id[4]], d.Category);
            Assert.True(d.IsEnabledByDefault);
            Assert.False(string.IsNullOrWhiteSpace(d.Title.ToString()));
        });
    }

    [Fact]
    public void EveryPublicDescriptorFieldIsInAllInIdOrder()
    {
        var fields = typeof(DiagnosticCatalogue).GetFields()
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToArray();
        Assert.Equal(fields.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal), DiagnosticCatalogue.All.Select(d => d.Id));
        Assert.Equal(DiagnosticCatalogue.All.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal), DiagnosticCatalogue.All.Select(d => d.Id));
    }

    [Fact]
    public void OnlyProgramNameIsAWarning()
    {
        Assert.Equal(
            new[] { DiagnosticCatalogue.ProgramName.Id },
            DiagnosticCatalogue.All.Where(d => d.DefaultSeverity != DiagnosticSeverity.Error).Select(d => d.Id));
    }

    [Fact]
    public void HelpLinksPointAtTheirSectionOfTheDiagnosticsPage()
    {
        Assert.All(DiagnosticCatalogue.All, d => Assert.Equal("docs/diagnostics.md#" + d.Id.ToLowerInvariant(), d.HelpLinkUri));
        Assert.Equal(DiagnosticCatalogue.InternalError, DiagnosticCatalogue.Find("EBPF9001"));
        Assert.Null(DiagnosticCatalogue.Find("EBPF0000"));
    }

    [Fact]
    public void TheDiagnosticsPageHasOneSectionPerIdTitledLikeTheDescriptor()
    {
        string page = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "diagnostics.md"));
        var sections = Regex.Matches(page, @"^## (?<id>\S+)\r?\n\*\*(?<title>[^*]+)\*\*", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups["id"].Value, m => m.Groups["title"].Value);
        var headings = Regex.Matches(page, @"^## (\S+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToArray();

        Assert.Equal(DiagnosticCatalogue.All.Select(d => d.Id), headings);
        Assert.All(DiagnosticCatalogue.All, d => Assert.Equal(d.Title.ToString(), sections[d.Id]));
    }

    [Fact]
    public void ReleaseTrackingListsEveryIdWithItsCategoryAndSeverity()
    {
        string unshipped = File.ReadAllText(Path.Combine(RepositoryRoot(), "Compiler", "Diagnostics", "AnalyzerReleases.Unshipped.md"));
        var rows = Regex.Matches(unshipped, @"^(EBPF\d{4}) \| (\S+) \| (\S+) \|", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value + " " + m.Groups[2].Value + " " + m.Groups[3].Value);
        Assert.Equal(DiagnosticCatalogue.All.Select(d => d.Id + " " + d.Category + " " + d.DefaultSeverity), rows);
    }

    [Fact]
    public void AnalyzersReportExactlyTheAnalyzerOwnedIds()
    {
        var supported = new Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer[] { new ProgramShapeAnalyzer(), new UnsupportedCSharpAnalyzer() }
            .SelectMany(a => a.SupportedDiagnostics)
            .Select(d => d.Id)
            .OrderBy(id => id, StringComparer.Ordinal);
        Assert.Equal(DiagnosticCatalogue.AnalyzerOwned.OrderBy(id => id, StringComparer.Ordinal), supported);
        Assert.All(DiagnosticCatalogue.AnalyzerOwned, id => Assert.NotNull(DiagnosticCatalogue.Find(id)));
    }

    [Fact]
    public void MessageFormatsHaveNoUnusedOrMissingPlaceholders()
    {
        Assert.All(DiagnosticCatalogue.All, d =>
        {
            string format = d.MessageFormat.ToString();
            var indices = Regex.Matches(format, @"\{(\d+)\}").Select(m => int.Parse(m.Groups[1].Value)).Distinct().OrderBy(i => i).ToArray();
            Assert.Equal(Enumerable.Range(0, indices.Length), indices);
        });
    }

    /// <summary>The repository root, from this file's path (builds put their output outside the tree).</summary>
    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}

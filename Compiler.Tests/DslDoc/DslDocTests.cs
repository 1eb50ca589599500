using System;
using System.Collections.Generic;
using System.Linq;
using Ebpf.Compiler.Driver;
using Ebpf.Compiler.Tests.FrontEnd;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Ebpf.Compiler.Tests.DslDoc
{
    /// <summary>Keeps docs/dsl.md honest: each row's probe compiles, is rejected with the row's id, or still fails ("not yet").</summary>
    public class DslDocTests
    {
        public static IEnumerable<TheoryDataRow<string>> Keys() => DslDocument.Rows.Select(row => new TheoryDataRow<string>(row.Key));

        [Fact]
        public void Every_row_has_a_probe_and_every_probe_a_row()
        {
            string[] duplicated = DslDocument.Rows.GroupBy(row => row.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
            Assert.True(duplicated.Length == 0, "keys documented twice: " + string.Join(", ", duplicated));
            string[] unprobed = DslDocument.Rows.Select(row => row.Key).Except(DslProbes.All.Keys).ToArray();
            string[] undocumented = DslProbes.All.Keys.Except(DslDocument.Rows.Select(row => row.Key)).ToArray();
            Assert.True(unprobed.Length == 0, "rows without a probe in Compiler.Tests/DslDoc: " + string.Join(", ", unprobed));
            Assert.True(undocumented.Length == 0, "probes without a row in docs/dsl.md: " + string.Join(", ", undocumented));
        }

        [Theory]
        [MemberData(nameof(Keys))]
        public void Each_row_behaves_as_documented(string key)
        {
            DslDocumentRow row = DslDocument.Rows.Single(r => r.Key == key);
            Assert.True(DslProbes.All.TryGetValue(key, out DslProbe? probe), $"docs/dsl.md line {row.Line}: no probe for '{key}'");
            Assert.True(probe!.Source.Contains(row.Example), $"docs/dsl.md line {row.Line}: the example `{row.Example}` is not part of the probe");
            ProgramCompilation result = DslCompilation.Compile("P", probe.Source);
            string reported = Describe(result.Diagnostics);
            if (row.Status == DslDocument.Supported)
            {
                Assert.True(result.Diagnostics.IsEmpty && result.Image is not null, $"'{key}' is documented as supported but:\n{reported}");
                Assert.Null(probe.Span);
            }
            else if (row.RejectedId is string id)
            {
                Assert.True(probe.Span is not null, $"probe '{key}' marks no [|span|] for its {id}");
                TextSpan span = probe.Span!.Value;
                Assert.Null(result.Image);
                Assert.True(
                    !result.Diagnostics.IsEmpty &&
                    result.Diagnostics.All(d => d.Id == id && d.Location.IsInSource && span.Contains(d.Location.SourceSpan)),
                    $"'{key}' is documented as rejected with {id} inside '{probe.Source.Substring(span.Start, span.Length)}' but got:\n{reported}");
            }
            else
            {
                Assert.Equal(DslDocument.NotYet, row.Status);
                Assert.True(
                    result.Image is null && result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error),
                    $"'{key}' now compiles: document it as supported in docs/dsl.md (line {row.Line})");
            }
        }

        [Fact]
        public void Rows_are_parsed_with_escaped_bars_and_malformed_rows_are_refused()
        {
            IReadOnlyList<DslDocumentRow> rows = DslDocument.Parse(new[]
            {
                "| key | construct | example | status |",
                "|---|---|---|---|",
                "| `logical-or` | or | `a \\|\\| b` | rejected: EBPF2001 |",
            });
            DslDocumentRow row = Assert.Single(rows);
            Assert.Equal(("logical-or", "a || b", "EBPF2001", 3), (row.Key, row.Example, row.RejectedId, row.Line));
            Assert.Throws<FormatException>(() => DslDocument.Parse(new[] { "| `bad-row` | x | `y` | maybe |" }));
        }

        private static string Describe(IEnumerable<Diagnostic> diagnostics) =>
            string.Join("\n", diagnostics.Select(d => d.ToString()));
    }
}

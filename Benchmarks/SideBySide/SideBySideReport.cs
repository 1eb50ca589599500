using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Ebpf.Benchmarks.SideBySide
{
    /// <summary>Prints the results: a table per program, then one summary table; or JSON.</summary>
    internal static class SideBySideReport
    {
        private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

        /// <summary>Writes a table per program and a summary of the ratios.</summary>
        public static void WriteTables(TextWriter output, IReadOnlyList<PairResult> results, SideBySideOptions options)
        {
            output.WriteLine($"side-by-side: ours vs clang-19 -O2 -mcpu=v3; BPF_PROG_TEST_RUN repeat {options.Repeat:N0}, " +
                $"{options.Rounds} interleaved rounds, medians; ns/packet are minus the empty program of the same type");
            foreach (PairResult result in results)
            {
                output.WriteLine();
                output.WriteLine($"{result.Label} ({result.ProgramType}; floor {Format(result.FloorNs)} ns" +
                    (result.Ours.ReturnValue == result.Clang.ReturnValue
                        ? $"; both return {result.Ours.ReturnValue})"
                        : $"; VERDICTS DIFFER: ours {result.Ours.ReturnValue}, clang {result.Clang.ReturnValue})"));
                WriteRows(output, new[] { "metric", "ours", "clang", "ours/clang" }, Rows(result).Select(row => new[]
                {
                    row.Metric, Format(row.Ours), Format(row.Clang), FormatRatio(PairResult.Ratio(row.Ours, row.Clang)),
                }).ToList());
            }

            output.WriteLine();
            output.WriteLine("summary (ours/clang)");
            WriteRows(output, new[] { "program", "xlated", "jited", "verified", "ns/packet", "ns ours", "ns clang", "ours-clang per round" }, results.Select(result =>
            {
                var rows = Rows(result).ToList();
                return new[]
                {
                    result.Label,
                    FormatRatio(PairResult.Ratio(rows[0].Ours, rows[0].Clang)),
                    FormatRatio(PairResult.Ratio(rows[1].Ours, rows[1].Clang)),
                    FormatRatio(PairResult.Ratio(rows[2].Ours, rows[2].Clang)),
                    FormatRatio(PairResult.Ratio(rows[3].Ours, rows[3].Clang)),
                    Format(rows[3].Ours),
                    Format(rows[3].Clang),
                    $"{Format(result.DeltaNs.Median)} [{Format(result.DeltaNs.Lowest)}..{Format(result.DeltaNs.Highest)}]",
                };
            }).ToList());
        }

        /// <summary>Writes the results as indented JSON.</summary>
        public static void WriteJson(TextWriter output, IReadOnlyList<PairResult> results, SideBySideOptions options) =>
            output.WriteLine(JsonSerializer.Serialize(new { options.Repeat, options.Rounds, Programs = results }, JsonOptions));

        private static IEnumerable<(string Metric, double Ours, double Clang)> Rows(PairResult result)
        {
            yield return ("xlated insns", result.Ours.XlatedInstructions, result.Clang.XlatedInstructions);
            yield return ("jited bytes", result.Ours.JitedBytes, result.Clang.JitedBytes);
            yield return ("verified_insns", result.Ours.VerifiedInstructions, result.Clang.VerifiedInstructions);
            yield return ("ns/packet", result.Ours.NsPerPacket, result.Clang.NsPerPacket);
        }

        private static void WriteRows(TextWriter output, IReadOnlyList<string> header, IReadOnlyList<string[]> rows)
        {
            int[] widths = header.Select((title, column) => rows.Select(row => row[column].Length).Prepend(title.Length).Max()).ToArray();
            output.WriteLine(Line(header));
            output.WriteLine(string.Join("  ", widths.Select(width => new string('-', width))));
            foreach (string[] row in rows)
            {
                output.WriteLine(Line(row));
            }

            string Line(IReadOnlyList<string> cells) =>
                string.Join("  ", cells.Select((cell, column) => column == 0 ? cell.PadRight(widths[column]) : cell.PadLeft(widths[column]))).TrimEnd();
        }

        private static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

        private static string FormatRatio(double? ratio) => ratio is double value ? value.ToString("0.00", CultureInfo.InvariantCulture) + "x" : "n/a";
    }
}

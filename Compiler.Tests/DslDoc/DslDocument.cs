using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Ebpf.Compiler.Tests.DslDoc
{
    /// <summary>Reads the rows of docs/dsl.md: every table line whose first cell is a backticked key.</summary>
    internal static class DslDocument
    {
        public const string Supported = "supported";
        public const string Rejected = "rejected: ";
        public const string NotYet = "not yet";

        private static readonly Regex KeyCell = new("^`([a-z0-9]+(?:-[a-z0-9]+)*)`$", RegexOptions.CultureInvariant);
        private static readonly Regex StatusCell = new("^(supported|not yet|rejected: EBPF[0-9]{4})$", RegexOptions.CultureInvariant);

        /// <summary>The path of docs/dsl.md, found from this source file's location in the repository.</summary>
        public static string PathOfDocument([CallerFilePath] string here = "") =>
            Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "docs", "dsl.md"));

        /// <summary>The rows of docs/dsl.md, in order.</summary>
        public static IReadOnlyList<DslDocumentRow> Rows { get; } = Parse(File.ReadAllLines(PathOfDocument()));

        /// <summary>The rows of the markdown <paramref name="lines"/>; a malformed row is an exception naming its line.</summary>
        public static IReadOnlyList<DslDocumentRow> Parse(IReadOnlyList<string> lines)
        {
            var rows = new List<DslDocumentRow>();
            for (int i = 0; i < lines.Count; i++)
            {
                string[] cells = Cells(lines[i]);
                if (cells.Length == 0 || !KeyCell.IsMatch(cells[0]))
                {
                    continue;
                }

                if (cells.Length != 4 || !StatusCell.IsMatch(cells[3]) || !(cells[2].Length > 2 && cells[2][0] == '`' && cells[2][cells[2].Length - 1] == '`'))
                {
                    throw new FormatException($"docs/dsl.md line {i + 1}: expected | `key` | construct | `example` | supported / rejected: EBPFnnnn / not yet |");
                }

                rows.Add(new DslDocumentRow(KeyCell.Match(cells[0]).Groups[1].Value, cells[1], cells[2].Substring(1, cells[2].Length - 2), cells[3], i + 1));
            }

            return rows;
        }

        /// <summary>The trimmed cells of a table line (none when it is not one); <c>\|</c> is a literal bar.</summary>
        private static string[] Cells(string line)
        {
            string trimmed = line.Trim();
            if (trimmed.Length < 2 || trimmed[0] != '|' || trimmed[trimmed.Length - 1] != '|')
            {
                return Array.Empty<string>();
            }

            var cells = new List<string>();
            var cell = new StringBuilder();
            for (int i = 1; i < trimmed.Length; i++)
            {
                if (trimmed[i] == '\\' && i + 1 < trimmed.Length && trimmed[i + 1] == '|')
                {
                    cell.Append('|');
                    i++;
                }
                else if (trimmed[i] == '|')
                {
                    cells.Add(cell.ToString().Trim());
                    cell.Clear();
                }
                else
                {
                    cell.Append(trimmed[i]);
                }
            }

            return cells.ToArray();
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Ebpf.Loader.Cli
{
    /// <summary>A plain text table with <c> | </c> separators, columns sized to their widest cell.</summary>
    public sealed class TextTable
    {
        private readonly string[] headers;
        private readonly List<string[]> rows = new();

        /// <summary>Creates a table with the given column headers.</summary>
        public TextTable(params string[] headers)
        {
            this.headers = headers;
        }

        /// <summary>Adds a row; it must have one cell per column.</summary>
        public void Add(params string[] cells)
        {
            if (cells.Length != headers.Length)
            {
                throw new ArgumentException($"expected {headers.Length} cells, got {cells.Length}", nameof(cells));
            }

            rows.Add(cells);
        }

        /// <summary>Writes the header and the rows.</summary>
        public void Write(TextWriter output)
        {
            int[] widths = headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
            output.WriteLine(Line(headers, widths));
            foreach (string[] row in rows)
            {
                output.WriteLine(Line(row, widths));
            }
        }

        /// <summary>Turns an enum name such as <c>PerCpuArray</c> into the kernel's lower-case spelling <c>percpu_array</c>.</summary>
        public static string Kernel(string pascal)
        {
            var text = new StringBuilder();
            for (int i = 0; i < pascal.Length; i++)
            {
                char c = pascal[i];
                if (char.IsUpper(c) && i > 0 && !(pascal.Substring(i - 1, 1) == "_"))
                {
                    text.Append('_');
                }

                text.Append(char.ToLowerInvariant(c));
            }

            return text.ToString().Replace("per_cpu", "percpu").Replace("program_array", "prog_array").Replace("ring_buffer", "ringbuf");
        }

        private static string Line(string[] cells, int[] widths) =>
            string.Join(" | ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
    }
}

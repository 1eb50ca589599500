using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Ebpf.Loader.Programs
{
    /// <summary>
    /// The verifier's log for one load, with what a reader wants first: the instruction it stopped at
    /// and its last meaningful line.
    /// </summary>
    public sealed class VerifierLog
    {
        private static readonly Regex InstructionLine = new Regex(@"^(\d+): \([0-9a-f]{2}\)", RegexOptions.CultureInvariant);

        /// <summary>Parses <paramref name="text"/>.</summary>
        public VerifierLog(string text)
        {
            Text = text ?? string.Empty;
            Lines = Text.Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries);
            FailingSlot = FindFailingSlot(Lines);
            Summary = FindSummary(Lines);
        }

        /// <summary>The whole log as the kernel wrote it.</summary>
        public string Text { get; }

        /// <summary>The non-empty lines.</summary>
        public IReadOnlyList<string> Lines { get; }

        /// <summary>
        /// The slot index (8-byte units, as the verifier counts) of the last instruction line (<c>N: (xx) …</c>),
        /// i.e. where the verifier stopped; null when the log has none.
        /// </summary>
        public int? FailingSlot { get; }

        /// <summary>The verifier's last meaningful line (the error), skipping statistics; empty when none.</summary>
        public string Summary { get; }

        /// <summary>The last <paramref name="count"/> lines, for messages.</summary>
        public string Tail(int count)
        {
            int start = Math.Max(0, Lines.Count - count);
            var tail = new List<string>();
            for (int i = start; i < Lines.Count; i++)
            {
                tail.Add(Lines[i]);
            }

            return string.Join("\n", tail);
        }

        /// <inheritdoc />
        public override string ToString() => Text;

        private static int? FindFailingSlot(IReadOnlyList<string> lines)
        {
            for (int i = lines.Count - 1; i >= 0; i--)
            {
                Match match = InstructionLine.Match(lines[i]);
                if (match.Success)
                {
                    return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                }
            }

            return null;
        }

        private static string FindSummary(IReadOnlyList<string> lines)
        {
            for (int i = lines.Count - 1; i >= 0; i--)
            {
                string line = lines[i].Trim();
                if (line.Length == 0 || IsStatistics(line) || InstructionLine.IsMatch(line))
                {
                    continue;
                }

                return line;
            }

            return string.Empty;
        }

        private static bool IsStatistics(string line) =>
            line.StartsWith("processed ", StringComparison.Ordinal) ||
            line.StartsWith("verification time", StringComparison.Ordinal) ||
            line.StartsWith("stack depth", StringComparison.Ordinal) ||
            line.StartsWith("-- END PROG LOAD LOG --", StringComparison.Ordinal) ||
            line.StartsWith("mark_precise", StringComparison.Ordinal) ||
            line.StartsWith("Func#", StringComparison.Ordinal);
    }
}

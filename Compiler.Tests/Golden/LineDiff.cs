using System;
using System.Collections.Generic;

namespace Ebpf.Compiler.Tests.Golden
{
    /// <summary>
    /// A unified line diff (the <c>diff -u</c> shape: <c>@@ -a,b +c,d @@</c> hunks with three lines of context) so a
    /// golden-file failure shows the instructions that changed rather than the first differing character.
    /// </summary>
    internal static class LineDiff
    {
        private const int Context = 3;
        private const int MaxOutputLines = 300;

        /// <summary>The unified diff from <paramref name="expected"/> to <paramref name="actual"/>; empty when they are equal.</summary>
        public static string Unified(string expected, string actual, string expectedName, string actualName)
        {
            string[] a = Lines(expected);
            string[] b = Lines(actual);
            List<(char Kind, string Text, int A, int B)> script = EditScript(a, b);
            if (script.TrueForAll(edit => edit.Kind == ' '))
            {
                return string.Empty;
            }

            var output = new List<string> { $"--- {expectedName}", $"+++ {actualName}" };
            int index = 0;
            while (index < script.Count)
            {
                int change = script.FindIndex(index, edit => edit.Kind != ' ');
                if (change < 0)
                {
                    break;
                }

                int start = Math.Max(index, change - Context);
                int end = change;
                int lastChange = change;
                while (end < script.Count && end - lastChange <= 2 * Context)
                {
                    if (script[end].Kind != ' ')
                    {
                        lastChange = end;
                    }

                    end++;
                }

                end = Math.Min(script.Count, lastChange + Context + 1);
                output.Add(Header(script, start, end));
                for (int i = start; i < end; i++)
                {
                    output.Add(script[i].Kind + script[i].Text);
                }

                index = end;
            }

            if (output.Count > MaxOutputLines)
            {
                int dropped = output.Count - MaxOutputLines;
                output.RemoveRange(MaxOutputLines, dropped);
                output.Add($"… {dropped} more diff lines");
            }

            return string.Join("\n", output);
        }

        private static string Header(List<(char Kind, string Text, int A, int B)> script, int start, int end)
        {
            int aStart = script[start].A + 1;
            int bStart = script[start].B + 1;
            int aCount = 0;
            int bCount = 0;
            for (int i = start; i < end; i++)
            {
                aCount += script[i].Kind == '+' ? 0 : 1;
                bCount += script[i].Kind == '-' ? 0 : 1;
            }

            return $"@@ -{aStart},{aCount} +{bStart},{bCount} @@";
        }

        /// <summary>Kept (' '), removed ('-') and added ('+') lines, each with the line indexes in both texts where it stands.</summary>
        private static List<(char Kind, string Text, int A, int B)> EditScript(string[] a, string[] b)
        {
            int prefix = 0;
            while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
            {
                prefix++;
            }

            int suffix = 0;
            while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
            {
                suffix++;
            }

            int n = a.Length - prefix - suffix;
            int m = b.Length - prefix - suffix;
            // Longest common subsequence of the differing middle, filled from the end so the walk below goes forwards.
            var common = new int[(n + 1) * (m + 1)];
            for (int i = n - 1; i >= 0; i--)
            {
                for (int j = m - 1; j >= 0; j--)
                {
                    common[(i * (m + 1)) + j] = a[prefix + i] == b[prefix + j]
                        ? common[((i + 1) * (m + 1)) + j + 1] + 1
                        : Math.Max(common[((i + 1) * (m + 1)) + j], common[(i * (m + 1)) + j + 1]);
                }
            }

            var script = new List<(char, string, int, int)>(a.Length + b.Length);
            for (int k = 0; k < prefix; k++)
            {
                script.Add((' ', a[k], k, k));
            }

            int x = 0;
            int y = 0;
            while (x < n || y < m)
            {
                if (x < n && y < m && a[prefix + x] == b[prefix + y])
                {
                    script.Add((' ', a[prefix + x], prefix + x, prefix + y));
                    x++;
                    y++;
                }
                else if (x < n && (y == m || common[((x + 1) * (m + 1)) + y] >= common[(x * (m + 1)) + y + 1]))
                {
                    script.Add(('-', a[prefix + x], prefix + x, prefix + y));
                    x++;
                }
                else
                {
                    script.Add(('+', b[prefix + y], prefix + x, prefix + y));
                    y++;
                }
            }

            for (int k = 0; k < suffix; k++)
            {
                script.Add((' ', a[prefix + n + k], prefix + n + k, prefix + m + k));
            }

            return script;
        }

        private static string[] Lines(string text) =>
            text.Length == 0 ? Array.Empty<string>() : text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
    }
}

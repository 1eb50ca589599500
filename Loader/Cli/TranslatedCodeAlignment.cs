using System;
using System.Collections.Generic;
using System.Linq;
using Ebpf.Asm;

namespace Ebpf.Loader.Cli
{
    /// <summary>
    /// Pairs the kernel's translated (xlated) instructions with the image's, so <c>prog dump</c> can show each kernel
    /// instruction's C# line. The kernel rewrites programs (map fds become map addresses, some helper calls are inlined
    /// into several instructions, context accesses are converted), so equal positions are not equal instructions: the
    /// two sequences are matched by longest common subsequence on instructions compared without the fields the kernel
    /// rewrites (immediates of relocated instructions, helper ids, jump offsets); a kernel instruction in a rewritten
    /// stretch takes the image instruction at the same position within that stretch. Programs too large for the
    /// quadratic match are aligned by index alone.
    /// </summary>
    public static class TranslatedCodeAlignment
    {
        /// <summary>Above this many cells (kernel × image instructions) the match is skipped and indices are used.</summary>
        public const long MaxCells = 4_000_000;

        /// <summary>For each kernel instruction, the index of the image instruction it came from (-1 when the image has none).</summary>
        public static int[] Align(IReadOnlyList<Instruction> kernel, ProgramImage image)
        {
            int n = kernel.Count;
            int m = image.Instructions.Count;
            var result = new int[n];
            if ((long)n * m > MaxCells || m == 0)
            {
                for (int k = 0; k < n; k++)
                {
                    result[k] = k < m ? k : -1;
                }

                return result;
            }

            var relocated = new HashSet<int>(image.Relocations.Select(r => r.InstructionIndex));
            var same = new Func<int, int, bool>((k, i) => Comparable(kernel[k], ignoreImmediate: false) == Comparable(image.Instructions[i], relocated.Contains(i)));
            int[,] lcs = new int[n + 1, m + 1];
            for (int k = n - 1; k >= 0; k--)
            {
                for (int i = m - 1; i >= 0; i--)
                {
                    lcs[k, i] = same(k, i) ? lcs[k + 1, i + 1] + 1 : Math.Max(lcs[k + 1, i], lcs[k, i + 1]);
                }
            }

            // Anchors: matched (kernel, image) pairs in order; the stretches between them were rewritten.
            var anchors = new List<(int Kernel, int Image)>();
            for (int k = 0, i = 0; k < n && i < m;)
            {
                if (same(k, i) && lcs[k, i] == lcs[k + 1, i + 1] + 1)
                {
                    anchors.Add((k, i));
                    k++;
                    i++;
                }
                else if (lcs[k + 1, i] >= lcs[k, i + 1])
                {
                    k++;
                }
                else
                {
                    i++;
                }
            }

            anchors.Add((n, m));
            (int Kernel, int Image) previous = (-1, -1);
            foreach ((int Kernel, int Image) anchor in anchors)
            {
                int imageGap = anchor.Image - previous.Image - 1;
                for (int k = previous.Kernel + 1; k < anchor.Kernel; k++)
                {
                    int offset = k - previous.Kernel - 1;
                    result[k] = imageGap > 0 ? previous.Image + 1 + Math.Min(offset, imageGap - 1)
                        : previous.Image >= 0 ? previous.Image
                        : anchor.Image < m ? anchor.Image : -1;
                }

                if (anchor.Kernel < n)
                {
                    result[anchor.Kernel] = anchor.Image;
                }

                previous = anchor;
            }

            return result;
        }

        /// <summary>The fields the kernel keeps: jump offsets move when code is inserted, helper calls and relocated immediates are rewritten.</summary>
        private static (byte OpCode, Register Destination, Register Source, short Offset, long Constant) Comparable(Instruction instruction, bool ignoreImmediate)
        {
            if (instruction.IsCall)
            {
                return (instruction.OpCode, 0, 0, 0, 0);
            }

            if (instruction.IsWide && instruction.Source != Register.R0)
            {
                return (instruction.OpCode, instruction.Destination, 0, 0, 0); // ld_imm64 of a map: fd in the image, id/address in the kernel
            }

            short offset = instruction.IsBranch ? (short)0 : instruction.Offset;
            long constant = ignoreImmediate || instruction.IsLongJump ? 0 : instruction.Constant;
            return (instruction.OpCode, instruction.Destination, instruction.Source, offset, constant);
        }
    }
}

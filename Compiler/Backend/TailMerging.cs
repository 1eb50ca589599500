using System.Collections.Generic;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Backend
{
    /// <summary>
    /// Shares identical tails: two blocks whose selected instructions are the same (jump targets, calls and
    /// relocations included) and that end in <c>goto</c> or <c>exit</c> do the same thing from the same registers, so
    /// jumps to one can go to the other and its code goes (each <c>counter++; return …;</c> failure path was its own
    /// block). A block that the code before it falls into stays; the other copy goes instead.
    /// </summary>
    internal static class TailMerging
    {
        public static void Run(FunctionCode function)
        {
            while (MergeOne(function))
            {
            }
        }

        private static bool MergeOne(FunctionCode function)
        {
            List<EmittedInstruction> code = function.Code;
            List<(BasicBlock Block, int Start, int End)> ranges = Ranges(function);
            for (int i = 0; i < ranges.Count; i++)
            {
                for (int j = i + 1; j < ranges.Count; j++)
                {
                    (BasicBlock first, int firstStart, int firstEnd) = ranges[i];
                    (BasicBlock second, int secondStart, int secondEnd) = ranges[j];
                    if (!Same(code, firstStart, firstEnd, secondStart, secondEnd))
                    {
                        continue;
                    }

                    if (!FallenInto(code, secondStart) && Alone(function, second, secondStart, secondEnd))
                    {
                        Remove(function, second, secondStart, secondEnd, first);
                        return true;
                    }

                    if (!FallenInto(code, firstStart) && Alone(function, first, firstStart, firstEnd))
                    {
                        Remove(function, first, firstStart, firstEnd, second);
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Non-empty blocks that end in goto or exit, with their [start, end) in the code.</summary>
        private static List<(BasicBlock Block, int Start, int End)> Ranges(FunctionCode function)
        {
            List<int> starts = function.BlockStarts.Values.Append(function.Code.Count).Distinct().OrderBy(s => s).ToList();
            var ranges = new List<(BasicBlock Block, int Start, int End)>();
            foreach (KeyValuePair<BasicBlock, int> block in function.BlockStarts)
            {
                int end = starts[starts.IndexOf(block.Value) + 1];
                if (end > block.Value && EndsUnconditionally(function.Code[end - 1].Instruction))
                {
                    ranges.Add((block.Key, block.Value, end));
                }
            }

            return ranges.OrderBy(r => r.Start).ToList();
        }

        private static bool EndsUnconditionally(Instruction instruction) =>
            instruction.IsExit || (instruction.Class == InstructionClass.Jmp && instruction.JumpOperation == JumpOperation.Ja);

        /// <summary>Whether the instruction before <paramref name="start"/> goes on into it.</summary>
        private static bool FallenInto(List<EmittedInstruction> code, int start) =>
            start == 0 || !EndsUnconditionally(code[start - 1].Instruction);

        /// <summary>No other block starts inside the range (an empty block there would fall into it).</summary>
        private static bool Alone(FunctionCode function, BasicBlock block, int start, int end) =>
            function.BlockStarts.All(b => b.Key == block || b.Value < start || b.Value >= end);

        private static bool Same(List<EmittedInstruction> code, int aStart, int aEnd, int bStart, int bEnd)
        {
            if (aEnd - aStart != bEnd - bStart)
            {
                return false;
            }

            for (int k = 0; k < aEnd - aStart; k++)
            {
                EmittedInstruction a = code[aStart + k];
                EmittedInstruction b = code[bStart + k];
                if (!a.Instruction.Equals(b.Instruction) || a.JumpTarget != b.JumpTarget || a.CallTarget != b.CallTarget ||
                    a.RelocationKind != b.RelocationKind || a.RelocationSymbol != b.RelocationSymbol || a.RelocationAddend != b.RelocationAddend)
                {
                    return false;
                }
            }

            return true;
        }

        private static void Remove(FunctionCode function, BasicBlock removed, int start, int end, BasicBlock kept)
        {
            foreach (EmittedInstruction instruction in function.Code)
            {
                if (instruction.JumpTarget == removed)
                {
                    instruction.JumpTarget = kept;
                }
            }

            function.Code.RemoveRange(start, end - start);
            int length = end - start;
            foreach (BasicBlock block in function.BlockStarts.Keys.ToList())
            {
                if (block == removed)
                {
                    function.BlockStarts.Remove(block);
                }
                else if (function.BlockStarts[block] >= end)
                {
                    function.BlockStarts[block] -= length;
                }
            }
        }
    }
}

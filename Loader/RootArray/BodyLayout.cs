using System;
using System.Collections.Generic;
using Ebpf.Asm;

namespace Ebpf.Loader.RootArray
{
    /// <summary>
    /// Where a compiled body's main function ends and its BPF-to-BPF subprograms begin, in instructions and in 8-byte
    /// slots (the unit of jump offsets and call immediates). The main function runs from slot 0 up to the first slot a
    /// pseudo call (<c>call pc+N</c>) or a function address (<c>ld_imm64</c> with BPF_PSEUDO_FUNC) names, as the
    /// verifier splits it.
    /// </summary>
    internal sealed class BodyLayout
    {
        private readonly IReadOnlyList<Instruction> instructions;
        private readonly int[] slotOfIndex;
        private readonly int[] indexOfSlot;

        private BodyLayout(IReadOnlyList<Instruction> instructions, int[] slotOfIndex, int[] indexOfSlot, int mainCount)
        {
            this.instructions = instructions;
            this.slotOfIndex = slotOfIndex;
            this.indexOfSlot = indexOfSlot;
            MainCount = mainCount;
        }

        /// <summary>Instructions of the main function (the body's first ones).</summary>
        public int MainCount { get; }

        /// <summary>Slots of the main function.</summary>
        public int MainSlots => slotOfIndex[MainCount];

        /// <summary>The slot instruction <paramref name="index"/> starts at (index = count gives the total).</summary>
        public int SlotOf(int index) => slotOfIndex[index];

        /// <summary>The instruction a branch of the main function lands on.</summary>
        public int BranchTargetIndex(int index) => indexOfSlot[BranchTargetSlot(index)];

        /// <summary>The slot a branch at <paramref name="index"/> lands on (gotol keeps its offset in the immediate).</summary>
        public int BranchTargetSlot(int index)
        {
            Instruction instruction = instructions[index];
            return slotOfIndex[index] + 1 + (instruction.IsLongJump ? instruction.Immediate : instruction.Offset);
        }

        /// <summary>The slot a pseudo call or BPF_PSEUDO_FUNC address at <paramref name="index"/> names.</summary>
        public int CallTargetSlot(int index) => slotOfIndex[index] + 1 + instructions[index].Immediate;

        /// <summary>True for <c>call pc+N</c> (BPF_PSEUDO_CALL) and a function address (BPF_PSEUDO_FUNC).</summary>
        public static bool NamesSubprogram(Instruction instruction) =>
            (instruction.IsCall && instruction.OperandSource == OperandSource.Constant && instruction.Source == (Register)CallKind.Local)
            || (instruction.IsWide && instruction.PseudoSource == PseudoSource.Function);

        /// <summary>The layout of <paramref name="instructions"/>, or null with the reason it cannot be inlined.</summary>
        public static BodyLayout? Read(IReadOnlyList<Instruction> instructions, out string? failure)
        {
            int count = instructions.Count;
            var slotOfIndex = new int[count + 1];
            for (int i = 0; i < count; i++)
            {
                slotOfIndex[i + 1] = slotOfIndex[i] + instructions[i].Slots;
            }

            int totalSlots = slotOfIndex[count];
            var indexOfSlot = new int[totalSlots + 1];
            Array.Fill(indexOfSlot, -1);
            for (int i = 0; i <= count; i++)
            {
                indexOfSlot[slotOfIndex[i]] = i;
            }

            int mainSlots = totalSlots;
            for (int i = 0; i < count; i++)
            {
                if (NamesSubprogram(instructions[i]))
                {
                    int target = slotOfIndex[i] + 1 + instructions[i].Immediate;
                    if (target <= 0 || target >= totalSlots || indexOfSlot[target] < 0)
                    {
                        failure = $"instruction {i} names slot {target}, which starts no subprogram";
                        return null;
                    }

                    mainSlots = Math.Min(mainSlots, target);
                }
            }

            var layout = new BodyLayout(instructions, slotOfIndex, indexOfSlot, indexOfSlot[mainSlots]);
            failure = layout.CheckMain();
            return failure is null ? layout : null;
        }

        private string? CheckMain()
        {
            if (MainSlots > short.MaxValue)
            {
                return $"the main function has {MainSlots} slots: a goto to the epilogue would not reach";
            }

            bool returns = false;
            for (int i = 0; i < MainCount; i++)
            {
                Instruction instruction = instructions[i];
                returns |= instruction.IsExit;
                if (!instruction.IsBranch)
                {
                    continue;
                }

                int target = BranchTargetSlot(i);
                if (target < 0 || target >= MainSlots || indexOfSlot[target] < 0)
                {
                    return $"instruction {i} jumps to slot {target}, outside the main function's instructions";
                }
            }

            return returns ? null : "the main function never exits (the epilogue would be unreachable)";
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Backend
{
    /// <summary>Builds <see cref="LiveInterval"/>s for a function in a block order.</summary>
    internal static class LiveIntervals
    {
        public static Dictionary<VirtualRegister, LiveInterval> Build(IrFunction function, List<BasicBlock> order, HashSet<VirtualRegister> temporaries)
        {
            Liveness liveness = Liveness.Compute(function);
            var intervals = new Dictionary<VirtualRegister, LiveInterval>();
            var calls = new List<int>();
            LiveInterval At(VirtualRegister register, int position)
            {
                if (!intervals.TryGetValue(register, out LiveInterval? interval))
                {
                    interval = new LiveInterval(register, position) { IsSpillTemporary = temporaries.Contains(register) };
                    intervals[register] = interval;
                }

                interval.Extend(position);
                return interval;
            }

            for (int i = 0; i < function.Parameters.Count; i++)
            {
                At(function.Parameters[i], -1).Hints.Add((Register)(i + 1));
            }

            int index = 0;
            foreach (BasicBlock block in order)
            {
                int blockStart = 2 * index;
                foreach (VirtualRegister register in liveness.LiveIn[block])
                {
                    At(register, blockStart);
                }

                foreach (IrInstruction instruction in block.Instructions)
                {
                    Visit(instruction, index, At);
                    if (instruction is HelperCallInstruction || instruction is LocalCallInstruction || instruction is TailCallInstruction || IsCompareExchange(instruction))
                    {
                        // Compare-exchange uses r0 (and the selector r1, r2) as a call does.
                        calls.Add(index);
                    }

                    index++;
                }

                int blockEnd = 2 * index - 1;
                foreach (VirtualRegister register in liveness.LiveOut[block])
                {
                    At(register, blockEnd);
                }
            }

            PropagateHints(intervals);
            foreach (LiveInterval interval in intervals.Values)
            {
                foreach (int call in calls)
                {
                    if (interval.Start <= 2 * call && interval.End >= 2 * call + 1)
                    {
                        interval.CrossesCall = true;
                        break;
                    }
                }
            }

            return intervals;
        }

        /// <summary>A copy's source would like the copy's fixed registers too (then the copy costs nothing).</summary>
        private static void PropagateHints(Dictionary<VirtualRegister, LiveInterval> intervals)
        {
            for (int round = 0; round < 4; round++)
            {
                foreach (LiveInterval interval in intervals.Values)
                {
                    // Only through the first source (a move's, or an operation's left operand, which the result overwrites).
                    foreach (VirtualRegister source in interval.CopyPreferences.Take(1))
                    {
                        if (intervals.TryGetValue(source, out LiveInterval? origin))
                        {
                            foreach (Register hint in interval.Hints)
                            {
                                if (!origin.Hints.Contains(hint))
                                {
                                    origin.Hints.Add(hint);
                                }
                            }
                        }
                    }
                }
            }
        }

        private static void Visit(IrInstruction instruction, int index, System.Func<VirtualRegister, int, LiveInterval> at)
        {
            int use = 2 * index;
            int def = use + 1;
            for (int k = 0; k < instruction.Operands.Count; k++)
            {
                if (instruction.Operands[k] is VirtualRegister operand)
                {
                    LiveInterval interval = at(operand, use);
                    interval.Uses++;
                    switch (instruction)
                    {
                        case HelperCallInstruction:
                        case LocalCallInstruction:
                            interval.Hints.Add((Register)(k + 1));
                            break;
                        case TailCallInstruction:
                            interval.Hints.Add(k == 0 ? Register.R1 : Register.R3);
                            break;
                        case ReturnInstruction:
                            interval.Hints.Add(Register.R0);
                            break;
                        case AtomicInstruction atomic when atomic.Operation == IR.AtomicOperation.CompareExchange:
                            interval.Hints.Add(k == 0 ? Register.R1 : k == 1 ? Register.R2 : Register.R0);
                            break;
                        case AtomicInstruction { Fetches: true } when k == 0:
                            // The fetch writes the destination while the address is still needed.
                            interval.Extend(def);
                            break;
                        case BinaryInstruction binary when k == 1 && !binary.IsCommutative && binary.Left != binary.Right:
                        case CompareInstruction:
                            // Written before this operand is read: must not share the destination's register.
                            interval.Extend(def);
                            break;
                    }
                }
            }

            if (instruction.Destination is VirtualRegister destination)
            {
                LiveInterval interval = at(destination, def);
                interval.Uses++;
                if (instruction is HelperCallInstruction || instruction is LocalCallInstruction || IsCompareExchange(instruction))
                {
                    interval.Hints.Add(Register.R0);
                }

                if (instruction is MoveInstruction || instruction is BinaryInstruction || instruction is UnaryInstruction || instruction is ConvertInstruction)
                {
                    for (int k = 0; k < instruction.Operands.Count; k++)
                    {
                        bool reusable = k == 0 || (instruction is BinaryInstruction binary && binary.IsCommutative);
                        if (reusable && instruction.Operands[k] is VirtualRegister source)
                        {
                            interval.CopyPreferences.Add(source);
                        }
                    }
                }
            }
        }

        private static bool IsCompareExchange(IrInstruction instruction) =>
            instruction is AtomicInstruction atomic && atomic.Operation == IR.AtomicOperation.CompareExchange;
    }
}

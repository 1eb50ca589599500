using System;
using System.Collections.Generic;
using Ebpf.Asm;

namespace Ebpf.Loader.RootArray
{
    /// <summary>
    /// How deep below r10 the main function of a compiled body reaches, found by following r10-based pointers through
    /// its control flow: every load, store or atomic at <c>rX + off</c> where rX is known to hold <c>r10 + c</c> touches
    /// <c>[r10 + c + off, … + size)</c>, and every pointer formed (<c>rX = r10; rX += -N</c>) reaches down to
    /// <c>r10 - N</c> (what a helper or a subprogram does with it lies above it). Anything it cannot bound gives up:
    /// r10 written or used in arithmetic, a stack pointer moved by a register amount, truncated, spilled to memory or
    /// used with a negative offset after two paths disagree on it.
    /// </summary>
    /// <remarks>Each register holds one of: not a stack pointer, <c>r10 + c</c> (c ≤ 0, known), or "either": a pointer
    /// formed earlier (its depth already counted) or a scalar, as at a join of paths that disagree.</remarks>
    internal sealed class BodyStackAnalysis
    {
        private const int NotStack = int.MinValue;
        private const int Either = int.MinValue + 1;
        private const int Registers = 11;
        private const int StackLimit = 512;

        private readonly IReadOnlyList<Instruction> instructions;
        private readonly BodyLayout layout;
        private readonly int[]?[] states;
        private int lowest;

        private BodyStackAnalysis(IReadOnlyList<Instruction> instructions, BodyLayout layout)
        {
            this.instructions = instructions;
            this.layout = layout;
            states = new int[]?[layout.MainCount];
        }

        /// <summary>Why the analysis gave up, or null when it bounded the depth.</summary>
        public string? Failure { get; private set; }

        /// <summary>The bytes below r10 the main function touches (0 when it uses no stack), or null (<see cref="Failure"/>).</summary>
        public static int? DepthOf(IReadOnlyList<Instruction> instructions, BodyLayout layout, out string? failure)
        {
            var analysis = new BodyStackAnalysis(instructions, layout);
            bool bounded = analysis.Run();
            failure = analysis.Failure;
            return bounded ? -analysis.lowest : null;
        }

        private bool Run()
        {
            var entry = new int[Registers];
            Array.Fill(entry, NotStack);
            entry[(int)Register.R10] = 0;
            var work = new Stack<int>();
            Merge(0, entry, work);
            while (work.Count > 0)
            {
                int index = work.Pop();
                int[] state = (int[])states[index]!.Clone();
                Instruction instruction = instructions[index];
                if (!Step(instruction, state, index))
                {
                    return false;
                }

                if (instruction.IsExit)
                {
                    continue;
                }

                if (instruction.IsBranch)
                {
                    Merge(layout.BranchTargetIndex(index), state, work);
                    if (instruction.JumpOperation == JumpOperation.Ja)
                    {
                        continue;
                    }
                }

                if (index + 1 < layout.MainCount)
                {
                    Merge(index + 1, state, work);
                }
            }

            return true;
        }

        private void Merge(int index, int[] state, Stack<int> work)
        {
            int[]? known = states[index];
            if (known is null)
            {
                states[index] = (int[])state.Clone();
                work.Push(index);
                return;
            }

            bool changed = false;
            for (int r = 0; r < Registers; r++)
            {
                if (known[r] != state[r] && known[r] != Either)
                {
                    known[r] = Either;
                    changed = true;
                }
            }

            if (changed)
            {
                work.Push(index);
            }
        }

        private bool Step(Instruction instruction, int[] state, int index)
        {
            int dst = (int)instruction.Destination;
            int src = (int)instruction.Source;
            switch (instruction.Class)
            {
                case InstructionClass.Alu64:
                case InstructionClass.Alu:
                    return Arithmetic(instruction, state, dst, src, index);
                case InstructionClass.Ldx:
                    if (dst == (int)Register.R10)
                    {
                        return Fail(index, "r10 is written");
                    }

                    if (!Access(state[src], instruction.Offset, SizeOf(instruction.MemorySize), index))
                    {
                        return false;
                    }

                    state[dst] = NotStack;
                    return true;
                case InstructionClass.St:
                    return Access(state[dst], instruction.Offset, SizeOf(instruction.MemorySize), index);
                case InstructionClass.Stx:
                    if (state[src] != NotStack)
                    {
                        return Fail(index, "a stack pointer is stored to memory");
                    }

                    if (!Access(state[dst], instruction.Offset, SizeOf(instruction.MemorySize), index))
                    {
                        return false;
                    }

                    if (instruction.MemoryMode == MemoryMode.Atomic)
                    {
                        if ((instruction.Immediate & 0x01) != 0)
                        {
                            state[src] = NotStack;                       // BPF_FETCH: the old value comes back in src
                        }

                        if (instruction.Immediate == (int)AtomicOperation.CompareExchange)
                        {
                            state[(int)Register.R0] = NotStack;
                        }
                    }

                    return true;
                case InstructionClass.Ld:
                    if (instruction.IsWide)
                    {
                        if (dst == (int)Register.R10)
                        {
                            return Fail(index, "r10 is written");
                        }

                        state[dst] = NotStack;
                        return true;
                    }

                    Clobber(state);                                      // BPF_ABS / BPF_IND: r0 gets the bytes, r1-r5 are clobbered
                    return true;
                default:
                    return Jump(instruction, state, dst, src, index);
            }
        }

        private bool Arithmetic(Instruction instruction, int[] state, int dst, int src, int index)
        {
            if (dst == (int)Register.R10)
            {
                return Fail(index, "r10 is written");
            }

            bool wide = instruction.Class == InstructionClass.Alu64;
            bool byRegister = instruction.OperandSource == OperandSource.Register && instruction.AluOperation != AluOperation.End && instruction.AluOperation != AluOperation.Neg;
            int operand = byRegister ? state[src] : NotStack;
            AluOperation operation = instruction.AluOperation;
            if (wide && operation == AluOperation.Mov && instruction.Offset == 0)
            {
                state[dst] = byRegister ? operand : NotStack;
                return operand == NotStack || operand == Either || Record(operand, index);
            }

            if (operand != NotStack)
            {
                return Fail(index, "a stack pointer is an operand of arithmetic");
            }

            int value = state[dst];
            if (value == NotStack || operation == AluOperation.Mov)
            {
                state[dst] = NotStack;
                return true;
            }

            bool constantStep = wide && !byRegister && (operation == AluOperation.Add || operation == AluOperation.Sub);
            if (!constantStep)
            {
                return Fail(index, "a stack pointer is changed by something other than a constant");
            }

            long step = operation == AluOperation.Add ? instruction.Immediate : -(long)instruction.Immediate;
            if (value == Either)
            {
                return step >= 0 || Fail(index, "a stack pointer two paths disagree on moves down");
            }

            if (value + step < -StackLimit || value + step > 0)
            {
                return Fail(index, "a stack pointer leaves the frame");
            }

            state[dst] = (int)(value + step);
            return Record(state[dst], index);
        }

        private bool Jump(Instruction instruction, int[] state, int dst, int src, int index)
        {
            if (instruction.IsCall)
            {
                Clobber(state);                                          // helpers, kfuncs and subprograms read r1-r5 and return in r0
                return true;
            }

            if (instruction.IsExit || instruction.JumpOperation == JumpOperation.Ja || instruction.JumpOperation == JumpOperation.MayGoto)
            {
                return true;
            }

            bool byRegister = instruction.OperandSource == OperandSource.Register;
            return (dst != (int)Register.R10 && (!byRegister || src != (int)Register.R10)) || Fail(index, "r10 is compared");
        }

        private bool Access(int pointer, short offset, int size, int index)
        {
            if (pointer == NotStack)
            {
                return true;
            }

            if (pointer == Either)
            {
                return offset >= 0 || Fail(index, "a negative offset from a stack pointer two paths disagree on");
            }

            int start = pointer + offset;
            if (start < -StackLimit || start + size > 0)
            {
                return Fail(index, "a stack access outside the frame");
            }

            return Record(start, index);
        }

        private bool Record(int offset, int index)
        {
            if (offset < -StackLimit || offset > 0)
            {
                return Fail(index, "a stack pointer outside the frame");
            }

            lowest = Math.Min(lowest, offset);
            return true;
        }

        private bool Fail(int index, string reason)
        {
            Failure = $"instruction {index}: {reason}";
            return false;
        }

        private static void Clobber(int[] state)
        {
            for (int r = 0; r <= 5; r++)
            {
                state[r] = NotStack;
            }
        }

        private static int SizeOf(MemorySize size) => size switch
        {
            MemorySize.Byte => 1,
            MemorySize.Half => 2,
            MemorySize.Word => 4,
            _ => 8,
        };
    }
}

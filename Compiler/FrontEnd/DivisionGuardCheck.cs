using System;
using System.Collections.Generic;
using Ebpf.Compiler.IR;
using Microsoft.CodeAnalysis;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>
    /// EBPF3004: every <c>udiv urem sdiv srem</c> lowered from a C# <c>/</c> or <c>%</c> must have a divisor proven
    /// non-zero (and, signed, also proven not −1, unless the dividend is proven not MinValue), because the
    /// kernel's x / 0 = 0, x % 0 = x and MinValue / −1 = MinValue are exceptions on the CLR.
    /// </summary>
    /// <remarks>
    /// A forward must-analysis over the lowered IR's blocks: per register, the <see cref="DivisorFacts"/> that hold on
    /// every path. Facts come from constants, from <c>mov</c>, <c>sext</c>, <c>zext</c> (a widened value is non-negative;
    /// non-zero survives), <c>or</c> with a non-zero value, <c>and</c> with a non-negative value, <c>lshr</c> by a constant
    /// of 1 or more (non-negative), and from a branch comparing a register with a constant,
    /// on the edge where the comparison is known (<c>b != 0</c>, <c>b == 0</c> on the false edge, <c>b &gt; 0</c>,
    /// <c>b &lt; 0</c>, unsigned <c>b &gt; c</c>, …); any other assignment forgets them; paths meet by intersection.
    /// Facts about one register say nothing of its copies made before the test.
    /// </remarks>
    internal static class DivisionGuardCheck
    {
        /// <summary>Reports EBPF3004 for each recorded division in <paramref name="function"/> whose divisor is not proven safe.</summary>
        public static void Check(IrFunction function, IReadOnlyDictionary<VirtualRegister, SyntaxNode> divisions, Action<VirtualRegister, SyntaxNode, bool> report)
        {
            if (divisions.Count == 0 || function.Blocks.Count == 0)
            {
                return;
            }

            Dictionary<BasicBlock, Dictionary<VirtualRegister, DivisorFacts>> entries = Solve(function);
            foreach (BasicBlock block in function.Blocks)
            {
                if (!entries.TryGetValue(block, out Dictionary<VirtualRegister, DivisorFacts>? entry))
                {
                    continue;
                }

                var state = new Dictionary<VirtualRegister, DivisorFacts>(entry);
                foreach (IrInstruction instruction in block.Instructions)
                {
                    if (instruction is BinaryInstruction binary && binary.Destination is VirtualRegister destination &&
                        divisions.TryGetValue(destination, out SyntaxNode? syntax) && IsDivision(binary.Operation, out bool signed) &&
                        !IsSafe(binary, signed, state))
                    {
                        report(destination, syntax, signed);
                    }

                    Transfer(instruction, state);
                }
            }
        }

        private static bool IsDivision(BinaryOperation operation, out bool signed)
        {
            signed = operation == BinaryOperation.DivideSigned || operation == BinaryOperation.RemainderSigned;
            return signed || operation == BinaryOperation.DivideUnsigned || operation == BinaryOperation.RemainderUnsigned;
        }

        private static bool IsSafe(BinaryInstruction division, bool signed, Dictionary<VirtualRegister, DivisorFacts> state)
        {
            DivisorFacts divisor = FactsOf(division.Right, state);
            if ((divisor & DivisorFacts.NonZero) == 0)
            {
                return false;
            }

            if (!signed || (divisor & DivisorFacts.NonMinusOne) != 0)
            {
                return true;
            }

            // MinValue / -1 needs MinValue as the dividend.
            return (FactsOf(division.Left, state) & DivisorFacts.NotMinValue) != 0;
        }

        /// <summary>Block entry states, to a fixed point; a block without a state is unreachable.</summary>
        private static Dictionary<BasicBlock, Dictionary<VirtualRegister, DivisorFacts>> Solve(IrFunction function)
        {
            var entries = new Dictionary<BasicBlock, Dictionary<VirtualRegister, DivisorFacts>>
            {
                [function.Blocks[0]] = new Dictionary<VirtualRegister, DivisorFacts>(),
            };
            var work = new Queue<BasicBlock>();
            var queued = new HashSet<BasicBlock>();
            work.Enqueue(function.Blocks[0]);
            queued.Add(function.Blocks[0]);
            while (work.Count > 0)
            {
                BasicBlock block = work.Dequeue();
                queued.Remove(block);
                var state = new Dictionary<VirtualRegister, DivisorFacts>(entries[block]);
                foreach (IrInstruction instruction in block.Instructions)
                {
                    if (!instruction.IsTerminator)
                    {
                        Transfer(instruction, state);
                    }
                }

                IrInstruction? terminator = block.Terminator;
                if (terminator is null)
                {
                    continue;
                }

                foreach (BasicBlock successor in terminator.Successors)
                {
                    Dictionary<VirtualRegister, DivisorFacts> edge = state;
                    if (terminator is BranchInstruction branch && branch.IfTrue != branch.IfFalse)
                    {
                        edge = new Dictionary<VirtualRegister, DivisorFacts>(state);
                        Refine(branch, successor == branch.IfTrue, edge);
                    }

                    if (Meet(entries, successor, edge) && queued.Add(successor))
                    {
                        work.Enqueue(successor);
                    }
                }
            }

            return entries;
        }

        /// <summary>Intersects <paramref name="incoming"/> into the successor's entry; true when that entry changed.</summary>
        private static bool Meet(Dictionary<BasicBlock, Dictionary<VirtualRegister, DivisorFacts>> entries, BasicBlock successor, Dictionary<VirtualRegister, DivisorFacts> incoming)
        {
            if (!entries.TryGetValue(successor, out Dictionary<VirtualRegister, DivisorFacts>? entry))
            {
                entries[successor] = new Dictionary<VirtualRegister, DivisorFacts>(incoming);
                return true;
            }

            bool changed = false;
            foreach (VirtualRegister register in new List<VirtualRegister>(entry.Keys))
            {
                incoming.TryGetValue(register, out DivisorFacts other);
                DivisorFacts met = entry[register] & other;
                if (met != entry[register])
                {
                    changed = true;
                    if (met == DivisorFacts.None)
                    {
                        entry.Remove(register);
                    }
                    else
                    {
                        entry[register] = met;
                    }
                }
            }

            return changed;
        }

        private static void Transfer(IrInstruction instruction, Dictionary<VirtualRegister, DivisorFacts> state)
        {
            if (instruction.Destination is not VirtualRegister destination)
            {
                return;
            }

            DivisorFacts facts = DivisorFacts.None;
            switch (instruction)
            {
                case MoveInstruction move:
                    facts = FactsOf(move.Source, state);
                    break;
                case ConvertInstruction convert when convert.Kind == ConversionKind.SignExtend:
                    facts = FactsOf(convert.Operand, state);
                    break;
                case ConvertInstruction convert when convert.Kind == ConversionKind.ZeroExtend:
                    facts = FactsOf(convert.Operand, state) & DivisorFacts.NonZero;
                    if (convert.Operand.Type.Width < destination.Type.Width)
                    {
                        facts |= DivisorFacts.NotNegative;
                    }

                    break;
                case BinaryInstruction binary:
                    facts = FactsOfBinary(binary, state);
                    break;
            }

            if (facts == DivisorFacts.None || destination.Type.Pointer != PointerKind.None)
            {
                state.Remove(destination);
            }
            else
            {
                state[destination] = facts;
            }
        }

        /// <summary><c>or</c> keeps non-zero and (both sides) non-negative; <c>and</c> keeps non-negative; <c>lshr</c> by 1 or more clears the sign.</summary>
        private static DivisorFacts FactsOfBinary(BinaryInstruction binary, Dictionary<VirtualRegister, DivisorFacts> state)
        {
            DivisorFacts left = FactsOf(binary.Left, state);
            DivisorFacts right = FactsOf(binary.Right, state);
            switch (binary.Operation)
            {
                case BinaryOperation.Or:
                    return ((left | right) & DivisorFacts.NonZero) | ((left & right & DivisorFacts.NonNegative) != 0 ? DivisorFacts.NotNegative : DivisorFacts.None);
                case BinaryOperation.And:
                    return ((left | right) & DivisorFacts.NonNegative) != 0 ? DivisorFacts.NotNegative : DivisorFacts.None;
                case BinaryOperation.ShiftRightUnsigned:
                    return binary.Right is IrConstant count && (count.Bits & (ulong)(binary.Left.Type.Width - 1)) != 0
                        ? DivisorFacts.NotNegative
                        : DivisorFacts.None;
                default:
                    return DivisorFacts.None;
            }
        }

        private static DivisorFacts FactsOf(IrValue value, Dictionary<VirtualRegister, DivisorFacts> state)
        {
            if (value is IrConstant constant)
            {
                return FactsOfConstant(constant.Bits, constant.Type.Width);
            }

            return value is VirtualRegister register && state.TryGetValue(register, out DivisorFacts facts) ? facts : DivisorFacts.None;
        }

        private static DivisorFacts FactsOfConstant(ulong bits, int width)
        {
            ulong mask = width == 64 ? ulong.MaxValue : (1UL << width) - 1;
            DivisorFacts facts = DivisorFacts.None;
            if ((bits & mask) != 0)
            {
                facts |= DivisorFacts.NonZero;
            }

            if ((bits & mask) != mask)
            {
                facts |= DivisorFacts.NonMinusOne;
            }

            if ((bits & (1UL << (width - 1))) == 0)
            {
                facts |= DivisorFacts.NotNegative;
            }
            else if ((bits & mask) != 1UL << (width - 1))
            {
                facts |= DivisorFacts.NotMinValue;
            }

            return facts;
        }

        /// <summary>Adds what the branch's outcome proves about a register compared with a constant.</summary>
        private static void Refine(BranchInstruction branch, bool taken, Dictionary<VirtualRegister, DivisorFacts> state)
        {
            Condition condition = branch.Condition;
            VirtualRegister? register = branch.Left as VirtualRegister;
            IrConstant? constant = branch.Right as IrConstant;
            if (register is null && branch.Right is VirtualRegister right && branch.Left is IrConstant left)
            {
                register = right;
                constant = left;
                condition = ConditionFacts.Swap(condition);
            }

            if (register is null || constant is null || register.Type.Pointer != PointerKind.None)
            {
                return;
            }

            Condition? holds = taken ? condition : ConditionFacts.Negate(condition);
            if (holds is null)
            {
                return;
            }

            DivisorFacts proven = Proves(holds.Value, constant.Bits, register.Type.Width);
            if (proven != DivisorFacts.None)
            {
                state.TryGetValue(register, out DivisorFacts known);
                state[register] = known | proven;
            }
        }

        /// <summary>What <c>r condition c</c> proves about r, at <paramref name="width"/> bits.</summary>
        private static DivisorFacts Proves(Condition condition, ulong bits, int width)
        {
            ulong mask = width == 64 ? ulong.MaxValue : (1UL << width) - 1;
            ulong u = bits & mask;
            long s = IrConstant.SignExtend(u, width);
            ulong signBit = 1UL << (width - 1);
            switch (condition)
            {
                case Condition.Equal: return FactsOfConstant(u, width);
                case Condition.NotEqual: return u == 0 ? DivisorFacts.NonZero : u == mask ? DivisorFacts.NonMinusOne : DivisorFacts.None;
                case Condition.UnsignedGreater: return DivisorFacts.NonZero;
                case Condition.UnsignedGreaterOrEqual: return u >= 1 ? DivisorFacts.NonZero : DivisorFacts.None;
                case Condition.UnsignedLess: return u <= signBit ? DivisorFacts.NotNegative : DivisorFacts.NonMinusOne;
                case Condition.UnsignedLessOrEqual: return u < signBit ? DivisorFacts.NotNegative : u != mask ? DivisorFacts.NonMinusOne : DivisorFacts.None;
                case Condition.SignedGreater: return s >= 0 ? DivisorFacts.Positive : s == -1 ? DivisorFacts.NotNegative : DivisorFacts.None;
                case Condition.SignedGreaterOrEqual: return s >= 1 ? DivisorFacts.Positive : s == 0 ? DivisorFacts.NotNegative : DivisorFacts.None;
                case Condition.SignedLess: return s <= -1 ? DivisorFacts.NonZero | DivisorFacts.NonMinusOne : s == 0 ? DivisorFacts.NonZero : DivisorFacts.None;
                case Condition.SignedLessOrEqual: return s <= -2 ? DivisorFacts.NonZero | DivisorFacts.NonMinusOne : s == -1 ? DivisorFacts.NonZero : DivisorFacts.None;
                case Condition.AnyBitsSet: return DivisorFacts.NonZero;
                default: return DivisorFacts.None;
            }
        }
    }
}

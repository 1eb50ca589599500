using System;

namespace Ebpf.Compiler.IR
{
    /// <summary>Negation, operand swapping, evaluation and spelling of <see cref="Condition"/>s.</summary>
    public static class ConditionFacts
    {
        /// <summary>The condition that holds exactly when <paramref name="condition"/> does not; null for <see cref="Condition.AnyBitsSet"/>.</summary>
        public static Condition? Negate(Condition condition)
        {
            switch (condition)
            {
                case Condition.Equal: return Condition.NotEqual;
                case Condition.NotEqual: return Condition.Equal;
                case Condition.UnsignedLess: return Condition.UnsignedGreaterOrEqual;
                case Condition.UnsignedLessOrEqual: return Condition.UnsignedGreater;
                case Condition.UnsignedGreater: return Condition.UnsignedLessOrEqual;
                case Condition.UnsignedGreaterOrEqual: return Condition.UnsignedLess;
                case Condition.SignedLess: return Condition.SignedGreaterOrEqual;
                case Condition.SignedLessOrEqual: return Condition.SignedGreater;
                case Condition.SignedGreater: return Condition.SignedLessOrEqual;
                case Condition.SignedGreaterOrEqual: return Condition.SignedLess;
                default: return null;
            }
        }

        /// <summary>The condition with its operands exchanged: a &lt; b ⇔ b &gt; a.</summary>
        public static Condition Swap(Condition condition)
        {
            switch (condition)
            {
                case Condition.UnsignedLess: return Condition.UnsignedGreater;
                case Condition.UnsignedLessOrEqual: return Condition.UnsignedGreaterOrEqual;
                case Condition.UnsignedGreater: return Condition.UnsignedLess;
                case Condition.UnsignedGreaterOrEqual: return Condition.UnsignedLessOrEqual;
                case Condition.SignedLess: return Condition.SignedGreater;
                case Condition.SignedLessOrEqual: return Condition.SignedGreaterOrEqual;
                case Condition.SignedGreater: return Condition.SignedLess;
                case Condition.SignedGreaterOrEqual: return Condition.SignedLessOrEqual;
                default: return condition;
            }
        }

        /// <summary>Evaluates the condition on two values of <paramref name="width"/> bits (bits above the width are ignored).</summary>
        public static bool Evaluate(Condition condition, ulong left, ulong right, int width)
        {
            ulong mask = width == 64 ? ulong.MaxValue : (1UL << width) - 1;
            ulong a = left & mask;
            ulong b = right & mask;
            long sa = IrConstant.SignExtend(a, width);
            long sb = IrConstant.SignExtend(b, width);
            switch (condition)
            {
                case Condition.Equal: return a == b;
                case Condition.NotEqual: return a != b;
                case Condition.UnsignedLess: return a < b;
                case Condition.UnsignedLessOrEqual: return a <= b;
                case Condition.UnsignedGreater: return a > b;
                case Condition.UnsignedGreaterOrEqual: return a >= b;
                case Condition.SignedLess: return sa < sb;
                case Condition.SignedLessOrEqual: return sa <= sb;
                case Condition.SignedGreater: return sa > sb;
                case Condition.SignedGreaterOrEqual: return sa >= sb;
                case Condition.AnyBitsSet: return (a & b) != 0;
                default: throw new ArgumentOutOfRangeException(nameof(condition));
            }
        }

        /// <summary>The IR text spelling: <c>eq ne ult ule ugt uge slt sle sgt sge set</c>.</summary>
        public static string Spell(Condition condition)
        {
            switch (condition)
            {
                case Condition.Equal: return "eq";
                case Condition.NotEqual: return "ne";
                case Condition.UnsignedLess: return "ult";
                case Condition.UnsignedLessOrEqual: return "ule";
                case Condition.UnsignedGreater: return "ugt";
                case Condition.UnsignedGreaterOrEqual: return "uge";
                case Condition.SignedLess: return "slt";
                case Condition.SignedLessOrEqual: return "sle";
                case Condition.SignedGreater: return "sgt";
                case Condition.SignedGreaterOrEqual: return "sge";
                default: return "set";
            }
        }
    }
}

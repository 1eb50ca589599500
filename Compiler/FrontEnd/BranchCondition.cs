using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>A lowered boolean: a compare the backend can branch on, or a constant.</summary>
    internal readonly struct BranchCondition
    {
        private BranchCondition(Condition condition, IrValue? left, IrValue? right, bool? constant)
        {
            Condition = condition;
            Left = left;
            Right = right;
            Constant = constant;
        }

        public Condition Condition { get; }

        public IrValue? Left { get; }

        public IrValue? Right { get; }

        /// <summary>Known at compile time.</summary>
        public bool? Constant { get; }

        public static BranchCondition Compare(Condition condition, IrValue left, IrValue right) => new BranchCondition(condition, left, right, null);

        public static BranchCondition Known(bool value) => new BranchCondition(Condition.Equal, null, null, value);
    }
}

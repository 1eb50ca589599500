using System.Collections.Generic;

namespace Ebpf.Compiler.IR
{
    /// <summary><c>br.cc a, b, then, else</c>: compare and branch, fused as the kernel's conditional jumps are.</summary>
    public sealed class BranchInstruction : IrInstruction
    {
        private readonly BasicBlock[] successors;

        /// <summary>Creates a conditional branch.</summary>
        public BranchInstruction(Condition condition, IrValue left, IrValue right, BasicBlock ifTrue, BasicBlock ifFalse)
            : base(null, left, right)
        {
            Condition = condition;
            successors = new[] { ifTrue, ifFalse };
        }

        /// <summary>The condition.</summary>
        public Condition Condition { get; }

        /// <summary>The first operand.</summary>
        public IrValue Left => Operands[0];

        /// <summary>The second operand.</summary>
        public IrValue Right => Operands[1];

        /// <summary>Where control goes when the condition holds.</summary>
        public BasicBlock IfTrue => successors[0];

        /// <summary>Where control goes otherwise.</summary>
        public BasicBlock IfFalse => successors[1];

        /// <inheritdoc />
        public override bool IsTerminator => true;

        /// <inheritdoc />
        public override IReadOnlyList<BasicBlock> Successors => successors;

        /// <inheritdoc />
        public override void ReplaceSuccessor(BasicBlock from, BasicBlock to)
        {
            for (int i = 0; i < successors.Length; i++)
            {
                if (successors[i] == from)
                {
                    successors[i] = to;
                }
            }
        }

        internal override IrInstruction Clone(IrCloneMap map)
        {
            IrValue[] operands = MapOperands(map);
            return new BranchInstruction(Condition, operands[0], operands[1], map.Map(IfTrue), map.Map(IfFalse));
        }
    }
}

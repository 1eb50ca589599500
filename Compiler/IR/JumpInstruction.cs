using System.Collections.Generic;

namespace Ebpf.Compiler.IR
{
    /// <summary><c>jmp target</c>: unconditional transfer to another block.</summary>
    public sealed class JumpInstruction : IrInstruction
    {
        private readonly BasicBlock[] successors;

        /// <summary>Creates a jump.</summary>
        public JumpInstruction(BasicBlock target)
            : base(null)
        {
            successors = new[] { target };
        }

        /// <summary>The block jumped to.</summary>
        public BasicBlock Target => successors[0];

        /// <inheritdoc />
        public override bool IsTerminator => true;

        /// <inheritdoc />
        public override IReadOnlyList<BasicBlock> Successors => successors;

        /// <inheritdoc />
        public override void ReplaceSuccessor(BasicBlock from, BasicBlock to)
        {
            if (successors[0] == from)
            {
                successors[0] = to;
            }
        }

        internal override IrInstruction Clone(IrCloneMap map) => new JumpInstruction(map.Map(Target));
    }
}

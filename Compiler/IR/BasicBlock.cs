using System;
using System.Collections.Generic;

namespace Ebpf.Compiler.IR
{
    /// <summary>A straight run of instructions that ends with exactly one terminator (jump, branch or return).</summary>
    public sealed class BasicBlock
    {
        internal BasicBlock(string name)
        {
            Name = name;
        }

        /// <summary>Name unique within the function, printed as a label.</summary>
        public string Name { get; }

        /// <summary>The instructions, terminator last.</summary>
        public List<IrInstruction> Instructions { get; } = new List<IrInstruction>();

        /// <summary>The last instruction when it is a terminator, else null (an unfinished block).</summary>
        public IrInstruction? Terminator =>
            Instructions.Count > 0 && Instructions[Instructions.Count - 1].IsTerminator ? Instructions[Instructions.Count - 1] : null;

        /// <summary>Blocks control may go to next.</summary>
        public IReadOnlyList<BasicBlock> Successors => Terminator?.Successors ?? Array.Empty<BasicBlock>();

        /// <inheritdoc />
        public override string ToString() => Name;
    }
}

using System;
using System.Collections.Generic;
using Ebpf.Asm;

namespace Ebpf.Compiler.IR
{
    /// <summary>
    /// One IR instruction: at most one destination register, operands, an optional source location that every
    /// eBPF instruction emitted for it inherits. Passes rewrite operands in place.
    /// </summary>
    public abstract class IrInstruction
    {
        private readonly IrValue[] operands;

        /// <summary>Creates an instruction.</summary>
        protected IrInstruction(VirtualRegister? destination, params IrValue[] operands)
        {
            Destination = destination;
            this.operands = operands;
        }

        /// <summary>The register this instruction assigns, if any.</summary>
        public VirtualRegister? Destination { get; private set; }

        /// <summary>The values this instruction reads, in a fixed order per kind.</summary>
        public IReadOnlyList<IrValue> Operands => operands;

        /// <summary>Where in the source this came from; null when unknown.</summary>
        public SourceLocation? Location { get; set; }

        /// <summary>True when removing the instruction would change behaviour even if its result is unused.</summary>
        public virtual bool HasSideEffects => false;

        /// <summary>True for the instruction that ends a block.</summary>
        public virtual bool IsTerminator => false;

        /// <summary>Blocks control may go to next (terminators only).</summary>
        public virtual IReadOnlyList<BasicBlock> Successors => Array.Empty<BasicBlock>();

        /// <summary>Replaces operand <paramref name="index"/>; the verifier checks the type afterwards.</summary>
        public void ReplaceOperand(int index, IrValue value) => operands[index] = value;

        /// <summary>Replaces the destination register.</summary>
        public void ReplaceDestination(VirtualRegister destination) => Destination = destination;

        /// <summary>Replaces a successor block (terminators only).</summary>
        public virtual void ReplaceSuccessor(BasicBlock from, BasicBlock to)
        {
        }

        /// <summary>A copy whose registers, slots and blocks are mapped through <paramref name="map"/>.</summary>
        internal abstract IrInstruction Clone(IrCloneMap map);

        /// <summary>Maps the operands for <see cref="Clone"/>.</summary>
        internal IrValue[] MapOperands(IrCloneMap map)
        {
            var mapped = new IrValue[operands.Length];
            for (int i = 0; i < operands.Length; i++)
            {
                mapped[i] = map.Map(operands[i]);
            }

            return mapped;
        }

        /// <summary>The instruction as the printer writes it.</summary>
        public override string ToString() => IrPrinter.Print(this);
    }
}

namespace Ebpf.Compiler.IR
{
    /// <summary>
    /// <c>tailcall ctx, "array"[index]</c> or <c>tailcall ctx, "array"[@program]</c>: bpf_tail_call (helper 12).
    /// Does not return when it succeeds; when the slot is empty execution goes on after it.
    /// A named program's slot number is written by the loader (a <c>ProgramSlot</c> relocation).
    /// </summary>
    public sealed class TailCallInstruction : IrInstruction
    {
        /// <summary>Creates a tail call through a computed index.</summary>
        public TailCallInstruction(IrValue context, string programArray, IrValue index)
            : base(null, context, index)
        {
            ProgramArray = programArray;
        }

        /// <summary>Creates a tail call to a named program, whose slot the loader fills in.</summary>
        public TailCallInstruction(IrValue context, string programArray, string targetProgram)
            : base(null, context)
        {
            ProgramArray = programArray;
            TargetProgram = targetProgram;
        }

        /// <summary>The context pointer passed on.</summary>
        public IrValue Context => Operands[0];

        /// <summary>The PROG_ARRAY map's name.</summary>
        public string ProgramArray { get; }

        /// <summary>The slot index, when computed; null when <see cref="TargetProgram"/> names the target.</summary>
        public IrValue? Index => Operands.Count > 1 ? Operands[1] : null;

        /// <summary>The target program's name, when the slot is resolved by the loader.</summary>
        public string? TargetProgram { get; }

        /// <inheritdoc />
        public override bool HasSideEffects => true;

        internal override IrInstruction Clone(IrCloneMap map)
        {
            IrValue[] operands = MapOperands(map);
            return TargetProgram is null
                ? new TailCallInstruction(operands[0], ProgramArray, operands[1])
                : new TailCallInstruction(operands[0], ProgramArray, TargetProgram);
        }
    }
}

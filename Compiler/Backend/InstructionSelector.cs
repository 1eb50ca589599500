using System.Collections.Generic;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Backend
{
    /// <summary>
    /// Turns one legalised, register-allocated function into eBPF instructions: ALU32 for 32-bit values (whose
    /// upper halves stay zero), JMP32 for 32-bit compares, immediates where they fit, compare-and-branch fused,
    /// blocks falling through where the layout allows, no move of a register to itself.
    /// </summary>
    internal sealed partial class InstructionSelector
    {
        private readonly IrFunction function;
        private readonly RegisterAllocation allocation;
        private readonly FrameLayout frame;
        private readonly BackendOptions options;
        private readonly List<EmittedInstruction> code = new List<EmittedInstruction>();
        private readonly Dictionary<BasicBlock, int> blockStarts = new Dictionary<BasicBlock, int>();
        private readonly RegisterCopies copies = new RegisterCopies();
        private readonly SpillSlotContents spilled = new SpillSlotContents();
        private SourceLocation? location;

        public InstructionSelector(IrFunction function, RegisterAllocation allocation, FrameLayout frame, BackendOptions options)
        {
            this.function = function;
            this.allocation = allocation;
            this.frame = frame;
            this.options = options;
        }

        public FunctionCode Select()
        {
            location = function.Location;
            EmitParameterMoves();
            List<BasicBlock> order = allocation.Order;
            Dictionary<BasicBlock, List<BasicBlock>> predecessors = function.Predecessors();
            for (int i = 0; i < order.Count; i++)
            {
                BasicBlock block = order[i];
                BasicBlock? next = i + 1 < order.Count ? order[i + 1] : null;
                blockStarts[block] = code.Count;
                if (i > 0)
                {
                    // Other blocks may be reached by jumps; the entry (no predecessors) goes on from the parameter moves.
                    copies.Clear();
                    if (!(predecessors[block].Count == 1 && predecessors[block][0] == order[i - 1]))
                    {
                        // Only a block reached solely from the block just emitted keeps what the registers held there.
                        spilled.Clear();
                    }
                }

                foreach (IrInstruction instruction in block.Instructions)
                {
                    location = instruction.Location ?? location;
                    Select(instruction, next);
                }
            }

            var selected = new FunctionCode(function.Name, code, blockStarts, frame.Size);
            TailMerging.Run(selected);
            return selected;
        }

        private void Select(IrInstruction instruction, BasicBlock? next)
        {
            switch (instruction)
            {
                case MoveInstruction move: SelectMove(move); break;
                case BinaryInstruction binary: SelectBinary(binary); break;
                case UnaryInstruction unary: SelectUnary(unary); break;
                case ConvertInstruction convert: SelectConvert(convert); break;
                case CompareInstruction compare: SelectCompare(compare); break;
                case LoadInstruction load: SelectLoad(load); break;
                case StoreInstruction store: SelectStore(store); break;
                case AtomicInstruction atomic: SelectAtomic(atomic); break;
                case LoadMapInstruction map: SelectLoadMap(map); break;
                case HelperCallInstruction call: SelectHelperCall(call); break;
                case LocalCallInstruction call: SelectLocalCall(call); break;
                case TailCallInstruction tail: SelectTailCall(tail); break;
                case JumpInstruction jump: SelectJump(jump.Target, next); break;
                case BranchInstruction branch: SelectBranch(branch, next); break;
                case ReturnInstruction ret: SelectReturn(ret); break;
                default: throw Unsupported(instruction, "no instruction selection for this instruction");
            }
        }

        private void EmitParameterMoves()
        {
            var moves = new List<(Register From, Register To)>();
            for (int i = 0; i < function.Parameters.Count; i++)
            {
                if (allocation.Registers.TryGetValue(function.Parameters[i], out Register assigned))
                {
                    moves.Add(((Register)(i + 1), assigned));
                }
            }

            ParallelMove.Emit(moves, Enumerable.Range(0, 10).Select(r => (Register)r), Move);
        }

        private Register R(IrValue value) =>
            value is VirtualRegister register ? allocation[register] : throw Unsupported(null, $"{value} is not in a register");

        private EmittedInstruction Emit(Instruction instruction)
        {
            var emitted = new EmittedInstruction(instruction, location);
            code.Add(emitted);
            copies.Executed(instruction);
            spilled.Executed(instruction);
            return emitted;
        }

        private void Move(Register destination, Register source)
        {
            if (!copies.AreEqual(destination, source))
            {
                Emit(InstructionFactory.Alu(true, AluOperation.Mov, destination, source));
                copies.Copied(destination, source);
            }
        }

        /// <summary>The shortest load of a constant: r = imm, w = imm (zero-extending), or LD_IMM64.</summary>
        private void EmitConstant(Register destination, IrConstant constant)
        {
            ulong bits = constant.Bits;
            long signed = unchecked((long)bits);
            if (signed >= int.MinValue && signed <= int.MaxValue)
            {
                Emit(InstructionFactory.AluImmediate(true, AluOperation.Mov, destination, signed));
            }
            else if (bits <= uint.MaxValue)
            {
                Emit(InstructionFactory.AluImmediate(false, AluOperation.Mov, destination, unchecked((int)(uint)bits)));
            }
            else
            {
                Emit(InstructionFactory.LoadImmediate64(destination, signed));
            }
        }

        /// <summary>rD = r10 + slot offset.</summary>
        private void EmitStackAddress(Register destination, StackSlot slot)
        {
            Emit(InstructionFactory.Alu(true, AluOperation.Mov, destination, Register.R10));
            Emit(InstructionFactory.AluImmediate(true, AluOperation.Add, destination, frame[slot]));
        }

        private void EmitValue(Register destination, IrValue value)
        {
            switch (value)
            {
                case IrConstant constant: EmitConstant(destination, constant); break;
                case StackSlot slot: EmitStackAddress(destination, slot); break;
                default: Move(destination, R(value)); break;
            }
        }

        private BackendException Unsupported(IrInstruction? instruction, string message) =>
            new BackendException(function.Name, instruction is null ? message : $"{message}: '{instruction}'", instruction?.Location ?? location);
    }
}

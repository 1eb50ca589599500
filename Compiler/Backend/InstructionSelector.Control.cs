using System.Collections.Generic;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Backend
{
    /// <summary>Calls, tail calls, jumps, branches and returns.</summary>
    internal sealed partial class InstructionSelector
    {
        private const int TailCallHelper = 12;
        private static readonly Register[] CallScratch = { Register.R0, Register.R1, Register.R2, Register.R3, Register.R4, Register.R5 };

        /// <summary>Places arguments in r1–r5: register moves at once, then constants and stack addresses.</summary>
        private void EmitArguments(IReadOnlyList<IrValue> arguments, IReadOnlyList<Register> targets)
        {
            var moves = new List<(Register From, Register To)>();
            for (int k = 0; k < arguments.Count; k++)
            {
                if (arguments[k] is VirtualRegister register)
                {
                    moves.Add((R(register), targets[k]));
                }
            }

            ParallelMove.Emit(moves, CallScratch, Move);
            for (int k = 0; k < arguments.Count; k++)
            {
                if (!(arguments[k] is VirtualRegister))
                {
                    EmitValue(targets[k], arguments[k]);
                }
            }
        }

        private static Register[] ArgumentRegisters(int count) =>
            Enumerable.Range(1, count).Select(r => (Register)r).ToArray();

        private void SelectHelperCall(HelperCallInstruction call)
        {
            EmitArguments(call.Operands, ArgumentRegisters(call.Operands.Count));
            Emit(InstructionFactory.Call(CallKind.Helper, call.HelperId));
            if (call.Destination is VirtualRegister destination)
            {
                // A helper returns 64 bits; a narrower result must be zero-extended like every narrow value.
                Register result = R(destination);
                int width = destination.Type.Width;
                if (width == 64)
                {
                    Move(result, Register.R0);
                }
                else
                {
                    Emit(InstructionFactory.Alu(false, AluOperation.Mov, result, Register.R0));
                    if (width < 32)
                    {
                        Emit(InstructionFactory.AluImmediate(false, AluOperation.And, result, (long)IrArithmetic.Mask(width)));
                    }
                }
            }
        }

        private void SelectLocalCall(LocalCallInstruction call)
        {
            EmitArguments(call.Operands, ArgumentRegisters(call.Operands.Count));
            Emit(InstructionFactory.Call(CallKind.Local, -1)).CallTarget = call.Callee;
            if (call.Destination is VirtualRegister destination)
            {
                Move(R(destination), Register.R0);
            }
        }

        /// <summary>r1 = ctx, r2 = program array (LD_IMM64), r3 = slot, call bpf_tail_call.</summary>
        private void SelectTailCall(TailCallInstruction tail)
        {
            if (tail.Index is IrValue index)
            {
                EmitArguments(new[] { tail.Context, index }, new[] { Register.R1, Register.R3 });
            }
            else
            {
                EmitArguments(new[] { tail.Context }, new[] { Register.R1 });
                EmittedInstruction slot = Emit(InstructionFactory.AluImmediate(true, AluOperation.Mov, Register.R3, 0));
                slot.RelocationKind = RelocationKind.ProgramSlot;
                slot.RelocationSymbol = tail.TargetProgram;
            }

            EmittedInstruction array = Emit(InstructionFactory.LoadImmediate64(Register.R2, 0, PseudoSource.MapFd));
            array.RelocationKind = RelocationKind.MapFd;
            array.RelocationSymbol = tail.ProgramArray;
            Emit(InstructionFactory.Call(CallKind.Helper, TailCallHelper));
        }

        private void SelectJump(BasicBlock target, BasicBlock? next)
        {
            if (target != next)
            {
                Emit(InstructionFactory.Goto()).JumpTarget = target;
            }
        }

        private void SelectBranch(BranchInstruction branch, BasicBlock? next)
        {
            if (branch.IfFalse == next)
            {
                EmitConditionalJump(branch.Condition, branch.Left, branch.Right).JumpTarget = branch.IfTrue;
                return;
            }

            if (branch.IfTrue == next && ConditionFacts.Negate(branch.Condition) is Condition negated)
            {
                EmitConditionalJump(negated, branch.Left, branch.Right).JumpTarget = branch.IfFalse;
                return;
            }

            EmitConditionalJump(branch.Condition, branch.Left, branch.Right).JumpTarget = branch.IfTrue;
            SelectJump(branch.IfFalse, next);
        }

        private EmittedInstruction EmitConditionalJump(Condition condition, IrValue left, IrValue right) =>
            Emit(ConditionalJump(condition, left, right));

        private Instruction ConditionalJump(Condition condition, IrValue left, IrValue right)
        {
            bool wide = left.Type.Width == 64;
            JumpOperation operation = JumpOperationOf(condition);
            return right is IrConstant constant
                ? InstructionFactory.JumpImmediate(wide, operation, R(left), unchecked((long)constant.Bits))
                : InstructionFactory.Jump(wide, operation, R(left), R(right));
        }

        private static JumpOperation JumpOperationOf(Condition condition)
        {
            switch (condition)
            {
                case Condition.Equal: return JumpOperation.Jeq;
                case Condition.NotEqual: return JumpOperation.Jne;
                case Condition.UnsignedLess: return JumpOperation.Jlt;
                case Condition.UnsignedLessOrEqual: return JumpOperation.Jle;
                case Condition.UnsignedGreater: return JumpOperation.Jgt;
                case Condition.UnsignedGreaterOrEqual: return JumpOperation.Jge;
                case Condition.SignedLess: return JumpOperation.Jslt;
                case Condition.SignedLessOrEqual: return JumpOperation.Jsle;
                case Condition.SignedGreater: return JumpOperation.Jsgt;
                case Condition.SignedGreaterOrEqual: return JumpOperation.Jsge;
                default: return JumpOperation.Jset;
            }
        }

        private void SelectReturn(ReturnInstruction ret)
        {
            if (ret.Value is IrValue value)
            {
                EmitValue(Register.R0, value);
            }

            Emit(InstructionFactory.Exit());
        }
    }
}

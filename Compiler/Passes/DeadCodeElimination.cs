using System.Collections.Generic;
using System.Linq;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Passes
{
    /// <summary>
    /// Removes blocks unreachable from the entry, instructions without side effects whose result is never read
    /// (loads included: a load cannot fault once the verifier accepted it), moves of a register to itself,
    /// and stack slots nothing refers to.
    /// </summary>
    public sealed class DeadCodeElimination : IrPass
    {
        /// <inheritdoc />
        public override string Name => "dead-code-elimination";

        /// <inheritdoc />
        public override bool Run(IrFunction function)
        {
            bool changed = ControlFlow.RemoveUnreachable(function);
            bool again = true;
            while (again)
            {
                again = false;
                Liveness liveness = Liveness.Compute(function);
                foreach (BasicBlock block in function.Blocks)
                {
                    var live = new HashSet<VirtualRegister>(liveness.LiveOut[block]);
                    for (int i = block.Instructions.Count - 1; i >= 0; i--)
                    {
                        IrInstruction instruction = block.Instructions[i];
                        bool selfMove = instruction is MoveInstruction move && move.Source == move.Destination;
                        if (selfMove || (instruction.Destination is VirtualRegister unused && !live.Contains(unused) && !instruction.HasSideEffects && !instruction.IsTerminator))
                        {
                            block.Instructions.RemoveAt(i);
                            again = true;
                            continue;
                        }

                        if (instruction.Destination is VirtualRegister destination)
                        {
                            live.Remove(destination);
                        }

                        foreach (IrValue operand in instruction.Operands)
                        {
                            if (operand is VirtualRegister register)
                            {
                                live.Add(register);
                            }
                        }
                    }
                }

                changed |= again;
            }

            var referenced = new HashSet<StackSlot>(function.Blocks.SelectMany(b => b.Instructions).SelectMany(i => i.Operands).OfType<StackSlot>());
            changed |= function.StackSlots.RemoveAll(s => !referenced.Contains(s)) > 0;
            return changed;
        }
    }
}

using System.Collections.Generic;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Passes
{
    /// <summary>
    /// After <c>%d = mov %s</c>, reads of %d become reads of %s: everywhere when both are assigned once (then
    /// %s's definition dominates %d's, which dominates every read of %d), and within the block otherwise, until
    /// either is reassigned. The moves left unused are removed by <see cref="DeadCodeElimination"/>.
    /// </summary>
    public sealed class CopyPropagation : IrPass
    {
        /// <inheritdoc />
        public override string Name => "copy-propagation";

        /// <inheritdoc />
        public override bool Run(IrFunction function)
        {
            var counts = new DefinitionCounts(function);
            var global = new Dictionary<VirtualRegister, IrValue>();
            foreach (BasicBlock block in function.Blocks)
            {
                foreach (IrInstruction instruction in block.Instructions)
                {
                    if (instruction is MoveInstruction move && move.Source != move.Destination && counts.IsSingle(move.Destination!) &&
                        (move.Source is StackSlot || (move.Source is VirtualRegister source && counts.IsSingle(source))))
                    {
                        global[move.Destination!] = move.Source;
                    }
                }
            }

            bool changed = false;
            foreach (BasicBlock block in function.Blocks)
            {
                var local = new Dictionary<VirtualRegister, IrValue>();
                foreach (IrInstruction instruction in block.Instructions)
                {
                    for (int k = 0; k < instruction.Operands.Count; k++)
                    {
                        if (instruction.Operands[k] is VirtualRegister register)
                        {
                            IrValue? replacement = Resolve(register, local, global);
                            if (replacement is not null)
                            {
                                instruction.ReplaceOperand(k, replacement);
                                changed = true;
                            }
                        }
                    }

                    if (instruction.Destination is VirtualRegister destination)
                    {
                        local.Remove(destination);
                        var stale = new List<VirtualRegister>();
                        foreach (KeyValuePair<VirtualRegister, IrValue> copy in local)
                        {
                            if (copy.Value == destination)
                            {
                                stale.Add(copy.Key);
                            }
                        }

                        foreach (VirtualRegister key in stale)
                        {
                            local.Remove(key);
                        }

                        if (instruction is MoveInstruction move && move.Source != destination &&
                            (move.Source is VirtualRegister || move.Source is StackSlot))
                        {
                            local[destination] = move.Source;
                        }
                    }
                }
            }

            return changed;
        }

        private static IrValue? Resolve(VirtualRegister register, Dictionary<VirtualRegister, IrValue> local, Dictionary<VirtualRegister, IrValue> global)
        {
            IrValue? found = null;
            IrValue current = register;
            for (int hops = 0; hops < 64 && current is VirtualRegister key; hops++)
            {
                if (local.TryGetValue(key, out IrValue? next) || global.TryGetValue(key, out next))
                {
                    found = next;
                    current = next;
                }
                else
                {
                    break;
                }
            }

            return found;
        }
    }
}

using System.Collections.Generic;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Backend
{
    /// <summary>
    /// Moves a register to the stack: every write becomes a write of a short-lived temporary plus a store, every
    /// read a load into a temporary, both with 64 bits into an 8-byte slot whatever the register's width (the verifier
    /// keeps a scalar's bounds across a spill only when all 8 bytes are spilled). A constant or map reference assigned
    /// once is recomputed at each read instead.
    /// </summary>
    internal static class Spiller
    {
        public static void Spill(IrFunction function, VirtualRegister register, HashSet<VirtualRegister> temporaries)
        {
            IrInstruction? definition = new DefinitionCounts(function).SingleDefinition(register);
            bool rematerialize = definition is MoveInstruction { Source: IrConstant } || definition is LoadMapInstruction;
            StackSlot? slot = rematerialize ? null : function.NewSpillSlot("spill." + register.Name);
            foreach (BasicBlock block in function.Blocks)
            {
                for (int i = 0; i < block.Instructions.Count; i++)
                {
                    IrInstruction instruction = block.Instructions[i];
                    if (rematerialize && instruction == definition)
                    {
                        block.Instructions.RemoveAt(i);
                        i--;
                        continue;
                    }

                    VirtualRegister? reloaded = null;
                    for (int k = 0; k < instruction.Operands.Count; k++)
                    {
                        if (instruction.Operands[k] != register)
                        {
                            continue;
                        }

                        if (reloaded is null)
                        {
                            reloaded = Temporary(function, register, temporaries);
                            IrInstruction reload = rematerialize
                                ? Recompute(definition!, reloaded)
                                : new LoadInstruction(reloaded, slot!, 0, 64, false);
                            reload.Location = instruction.Location;
                            block.Instructions.Insert(i, reload);
                            i++;
                        }

                        instruction.ReplaceOperand(k, reloaded);
                    }

                    if (instruction.Destination == register)
                    {
                        VirtualRegister written = Temporary(function, register, temporaries);
                        instruction.ReplaceDestination(written);
                        block.Instructions.Insert(i + 1, new StoreInstruction(slot!, 0, written, 64) { Location = instruction.Location });
                        i++;
                    }
                }
            }

            int parameter = function.Parameters.IndexOf(register);
            if (parameter >= 0 && slot is not null)
            {
                function.Entry.Instructions.Insert(0, new StoreInstruction(slot, 0, register, 64));
                temporaries.Add(register);
            }
        }

        private static VirtualRegister Temporary(IrFunction function, VirtualRegister register, HashSet<VirtualRegister> temporaries)
        {
            VirtualRegister temporary = function.NewRegister(register.Type, register.Name + ".t");
            temporaries.Add(temporary);
            return temporary;
        }

        private static IrInstruction Recompute(IrInstruction definition, VirtualRegister destination) =>
            definition switch
            {
                MoveInstruction move => new MoveInstruction(destination, move.Source),
                LoadMapInstruction map => new LoadMapInstruction(destination, map.Symbol, map.ValueOffset),
                _ => throw new System.InvalidOperationException("only constants and map references are recomputed"),
            };
    }
}

using System.Collections.Generic;
using System.Linq;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Backend
{
    /// <summary>
    /// Loads a map reference (LD_IMM64) again right before each call that takes it, as clang does, instead of
    /// keeping it alive across calls in one of the four callee-saved registers; the original load goes when
    /// nothing else reads it.
    /// </summary>
    internal static class MapReferenceRematerialization
    {
        public static void Run(IrFunction function)
        {
            var counts = new DefinitionCounts(function);
            bool changed = false;
            foreach (BasicBlock block in function.Blocks)
            {
                for (int i = 0; i < block.Instructions.Count; i++)
                {
                    IrInstruction call = block.Instructions[i];
                    if (!(call is HelperCallInstruction || call is LocalCallInstruction))
                    {
                        continue;
                    }

                    for (int k = 0; k < call.Operands.Count; k++)
                    {
                        if (call.Operands[k] is VirtualRegister register && counts.SingleDefinition(register) is LoadMapInstruction definition &&
                            !(i > 0 && block.Instructions[i - 1] == definition))
                        {
                            VirtualRegister again = function.NewRegister(register.Type, register.Name);
                            block.Instructions.Insert(i, new LoadMapInstruction(again, definition.Symbol, definition.ValueOffset) { Location = call.Location });
                            i++;
                            call.ReplaceOperand(k, again);
                            changed = true;
                        }
                    }
                }
            }

            if (changed)
            {
                var read = new HashSet<VirtualRegister>(function.Blocks.SelectMany(b => b.Instructions).SelectMany(x => x.Operands).OfType<VirtualRegister>());
                foreach (BasicBlock block in function.Blocks)
                {
                    block.Instructions.RemoveAll(x => x is LoadMapInstruction && !read.Contains(x.Destination!));
                }
            }
        }
    }
}

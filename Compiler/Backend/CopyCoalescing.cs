using System.Collections.Generic;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Backend
{
    /// <summary>
    /// Writes <c>t = op …; x = mov t</c> (t assigned and read once) as <c>x = op …</c>, so a local updated in place
    /// (<c>sum = sum + i</c>) needs no second register and no move. Copy propagation cannot do this: it
    /// replaces reads, and here the copy's destination is the register that must survive.
    /// </summary>
    internal static class CopyCoalescing
    {
        public static void Run(IrFunction function)
        {
            var counts = new DefinitionCounts(function);
            var reads = new Dictionary<VirtualRegister, int>();
            foreach (BasicBlock block in function.Blocks)
            {
                foreach (IrInstruction instruction in block.Instructions)
                {
                    foreach (IrValue operand in instruction.Operands)
                    {
                        if (operand is VirtualRegister register)
                        {
                            reads.TryGetValue(register, out int count);
                            reads[register] = count + 1;
                        }
                    }
                }
            }

            foreach (BasicBlock block in function.Blocks)
            {
                for (int i = 0; i + 1 < block.Instructions.Count; i++)
                {
                    IrInstruction instruction = block.Instructions[i];
                    if (block.Instructions[i + 1] is MoveInstruction { Source: VirtualRegister temporary } move &&
                        instruction.Destination == temporary && move.Destination != temporary &&
                        move.Destination!.Type == temporary.Type && counts.IsSingle(temporary) &&
                        reads.TryGetValue(temporary, out int count) && count == 1 && !function.Parameters.Contains(temporary))
                    {
                        instruction.ReplaceDestination(move.Destination);
                        block.Instructions.RemoveAt(i + 1);
                    }
                }
            }
        }
    }
}

using System.Collections.Generic;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Backend
{
    /// <summary>
    /// Reads of <c>t = convert AssumeNonNull p</c> read <c>p</c> itself when both are defined once: the conversion only
    /// retypes a map value pointer after its null check, and without it the register allocator gives <c>t</c> a register of
    /// its own, so every <c>lookup.Value.Field</c> cost a copy (<c>r1 = r6; r3 = *(u8 *)(r1 + 0)</c>) where clang loads
    /// <c>*(u8 *)(r6 + 0)</c>. Only when <c>t</c> is read in its own block (a longer <c>t</c> stretches <c>p</c>); the backend
    /// still keeps the unforwarded code when it is shorter (a spilled <c>p</c> reloads at every read). Backend only: the IR after this is no longer typed for the verifier (loads go through the
    /// nullable kind), which the kernel's verifier accepts because the null check dominates.
    /// </summary>
    internal static class NonNullForwarding
    {
        public static void Run(IrFunction function)
        {
            var counts = new DefinitionCounts(function);
            var readIn = new Dictionary<VirtualRegister, HashSet<BasicBlock>>();
            foreach (BasicBlock block in function.Blocks)
            {
                foreach (IrInstruction instruction in block.Instructions)
                {
                    foreach (IrValue operand in instruction.Operands)
                    {
                        if (operand is VirtualRegister register)
                        {
                            if (!readIn.TryGetValue(register, out HashSet<BasicBlock>? blocks))
                            {
                                readIn[register] = blocks = new HashSet<BasicBlock>();
                            }

                            blocks.Add(block);
                        }
                    }
                }
            }

            var forwarded = new Dictionary<VirtualRegister, VirtualRegister>();
            foreach (BasicBlock block in function.Blocks)
            {
                block.Instructions.RemoveAll(instruction =>
                {
                    // Only a short-lived t (read in its own block): a long one would stretch p and, spilled, reload at every read.
                    if (instruction is ConvertInstruction { Kind: ConversionKind.AssumeNonNull } convert && convert.Operands[0] is VirtualRegister source &&
                        convert.Destination is VirtualRegister destination && counts.IsSingle(destination) && counts.IsSingle(source) &&
                        !function.Parameters.Contains(destination) &&
                        (!readIn.TryGetValue(destination, out HashSet<BasicBlock>? readers) || readers.Count == 1 && readers.Contains(block)))
                    {
                        forwarded[destination] = source;
                        return true;
                    }

                    return false;
                });
            }

            if (forwarded.Count == 0)
            {
                return;
            }

            foreach (BasicBlock block in function.Blocks)
            {
                foreach (IrInstruction instruction in block.Instructions)
                {
                    for (int k = 0; k < instruction.Operands.Count; k++)
                    {
                        if (instruction.Operands[k] is VirtualRegister register && forwarded.TryGetValue(register, out VirtualRegister? source))
                        {
                            instruction.ReplaceOperand(k, source);
                        }
                    }
                }
            }
        }
    }
}

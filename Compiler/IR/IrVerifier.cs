using System.Collections.Generic;
using System.Linq;

namespace Ebpf.Compiler.IR
{
    /// <summary>
    /// Checks that a function is well formed: every block ends with one terminator, targets and values belong
    /// to the function, operand and result types fit each instruction, and every register is assigned on
    /// every path before it is read (the IR is not SSA, so this is a definite-assignment analysis).
    /// Passes run it between passes in debug builds.
    /// </summary>
    public static partial class IrVerifier
    {
        /// <summary>Throws <see cref="IrVerificationException"/> when <see cref="Check(IrFunction)"/> finds problems.</summary>
        public static void Verify(IrFunction function)
        {
            List<string> problems = Check(function);
            if (problems.Count > 0)
            {
                throw new IrVerificationException(function.Name, problems);
            }
        }

        /// <summary>Verifies every function and that local calls name functions of the module with the right arity.</summary>
        public static void Verify(IrModule module)
        {
            foreach (IrFunction function in module.Functions)
            {
                List<string> problems = Check(function);
                foreach (LocalCallInstruction call in function.Blocks.SelectMany(b => b.Instructions).OfType<LocalCallInstruction>())
                {
                    IrFunction? callee = module.Find(call.Callee);
                    if (callee is null)
                    {
                        problems.Add($"{call}: no function @{call.Callee} in the module");
                    }
                    else if (callee.Parameters.Count != call.Operands.Count)
                    {
                        problems.Add($"{call}: @{call.Callee} takes {callee.Parameters.Count} arguments");
                    }
                }

                if (problems.Count > 0)
                {
                    throw new IrVerificationException(function.Name, problems);
                }
            }
        }

        /// <summary>Returns one line per problem; empty when the function is well formed.</summary>
        public static List<string> Check(IrFunction function)
        {
            var problems = new List<string>();
            if (function.Blocks.Count == 0)
            {
                problems.Add("function has no blocks");
                return problems;
            }

            if (function.Parameters.Count > 5)
            {
                problems.Add($"function has {function.Parameters.Count} parameters; at most 5 fit r1-r5");
            }

            var registers = new HashSet<VirtualRegister>(function.Registers);
            var slots = new HashSet<StackSlot>(function.StackSlots);
            var blocks = new HashSet<BasicBlock>(function.Blocks);
            foreach (BasicBlock block in function.Blocks)
            {
                CheckShape(block, blocks, problems);
                foreach (IrInstruction instruction in block.Instructions)
                {
                    CheckOwnership(instruction, registers, slots, problems);
                    CheckTypes(function, instruction, problems);
                }
            }

            if (problems.Count == 0)
            {
                CheckDefinedBeforeUse(function, problems);
            }

            return problems;
        }

        private static void CheckShape(BasicBlock block, HashSet<BasicBlock> blocks, List<string> problems)
        {
            if (block.Terminator is null)
            {
                problems.Add($"block {block.Name} does not end with a terminator");
            }

            for (int i = 0; i < block.Instructions.Count - 1; i++)
            {
                if (block.Instructions[i].IsTerminator)
                {
                    problems.Add($"block {block.Name}: terminator '{block.Instructions[i]}' is not last");
                }
            }

            foreach (BasicBlock successor in block.Successors)
            {
                if (!blocks.Contains(successor))
                {
                    problems.Add($"block {block.Name} branches to {successor.Name}, which is not in the function");
                }
            }
        }

        private static void CheckOwnership(IrInstruction instruction, HashSet<VirtualRegister> registers, HashSet<StackSlot> slots, List<string> problems)
        {
            if (instruction.Destination is VirtualRegister destination && !registers.Contains(destination))
            {
                problems.Add($"{instruction}: {destination} belongs to another function");
            }

            foreach (IrValue operand in instruction.Operands)
            {
                if ((operand is VirtualRegister register && !registers.Contains(register)) ||
                    (operand is StackSlot slot && !slots.Contains(slot)))
                {
                    problems.Add($"{instruction}: {operand} belongs to another function");
                }
            }
        }

        private static void CheckDefinedBeforeUse(IrFunction function, List<string> problems)
        {
            Dictionary<BasicBlock, HashSet<VirtualRegister>> definedIn = DefiniteAssignment.DefinedOnEntry(function);
            foreach (BasicBlock block in function.Blocks)
            {
                if (!definedIn.TryGetValue(block, out HashSet<VirtualRegister>? defined))
                {
                    continue;
                }

                defined = new HashSet<VirtualRegister>(defined);
                foreach (IrInstruction instruction in block.Instructions)
                {
                    foreach (IrValue operand in instruction.Operands)
                    {
                        if (operand is VirtualRegister register && !defined.Contains(register))
                        {
                            problems.Add($"block {block.Name}: '{instruction}' reads {register}, which is not assigned on every path");
                        }
                    }

                    if (instruction.Destination is VirtualRegister destination)
                    {
                        defined.Add(destination);
                    }
                }
            }
        }
    }
}

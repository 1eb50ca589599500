using System.Collections.Generic;
using Ebpf.Asm;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Backend
{
    /// <summary>Concatenates functions (entry first), resolves jump offsets and local calls in slots, and gathers relocations and the source map.</summary>
    internal static class Linker
    {
        public static ProgramImage Link(IrModule module, List<FunctionCode> functions)
        {
            var items = new List<EmittedInstruction>();
            var functionStarts = new Dictionary<string, int>();
            var blockStarts = new Dictionary<BasicBlock, int>();
            foreach (FunctionCode function in functions)
            {
                functionStarts[function.Name] = items.Count;
                foreach (KeyValuePair<BasicBlock, int> start in function.BlockStarts)
                {
                    blockStarts[start.Key] = items.Count + start.Value;
                }

                items.AddRange(function.Code);
            }

            var slots = new int[items.Count + 1];
            for (int i = 0; i < items.Count; i++)
            {
                slots[i + 1] = slots[i] + items[i].Instruction.Slots;
            }

            var instructions = new List<Instruction>(items.Count);
            var relocations = new List<Relocation>();
            var sourceMap = new List<SourceMapEntry>();
            SourceLocation? last = null;
            for (int i = 0; i < items.Count; i++)
            {
                EmittedInstruction item = items[i];
                Instruction instruction = item.Instruction;
                if (item.JumpTarget is BasicBlock target)
                {
                    int distance = slots[blockStarts[target]] - slots[i + 1];
                    if (distance < short.MinValue || distance > short.MaxValue)
                    {
                        throw new BackendException(module.Name, $"a jump of {distance} instructions does not fit in 16 bits", item.Location);
                    }

                    instruction = instruction.WithOffset((short)distance);
                }

                if (item.CallTarget is string callee)
                {
                    if (!functionStarts.TryGetValue(callee, out int start))
                    {
                        throw new BackendException(module.Name, $"call to unknown function @{callee}", item.Location);
                    }

                    instruction = instruction.WithConstant(slots[start] - slots[i + 1]);
                }

                if (item.RelocationKind is RelocationKind kind)
                {
                    relocations.Add(new Relocation(i, kind, item.RelocationSymbol!, item.RelocationAddend));
                }

                if (item.Location is not null && item.Location != last)
                {
                    sourceMap.Add(new SourceMapEntry(i, item.Location));
                    last = item.Location;
                }

                instructions.Add(instruction);
            }

            return new ProgramImage(module.Name, module.ProgramType, instructions)
            {
                ExpectedAttachType = module.ExpectedAttachType,
                License = module.License,
                Relocations = relocations,
                SourceMap = sourceMap,
            };
        }
    }
}

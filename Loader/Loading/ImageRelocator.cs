using System.Collections.Generic;
using Ebpf.Asm;
using Ebpf.Loader.Maps;

namespace Ebpf.Loader.Loading
{
    /// <summary>Writes map fds and tail-call slots into a program's instructions.</summary>
    internal static class ImageRelocator
    {
        /// <summary>A copy of <paramref name="program"/> with every relocation applied.</summary>
        public static ProgramImage Apply(ProgramImage program, CollectionImage collection, IReadOnlyDictionary<string, BpfMap> maps)
        {
            if (program.Relocations.Count == 0)
            {
                return program;
            }

            var instructions = new List<Instruction>(program.Instructions);
            foreach (Relocation relocation in program.Relocations)
            {
                Instruction instruction = instructions[relocation.InstructionIndex];
                instructions[relocation.InstructionIndex] = relocation.Kind switch
                {
                    RelocationKind.MapFd => instruction
                        .WithSource((Register)PseudoSource.MapFd)
                        .WithConstant((uint)maps[relocation.Symbol].Fd.Value),
                    RelocationKind.MapValue => instruction
                        .WithSource((Register)PseudoSource.MapValue)
                        .WithConstant(((long)relocation.Addend << 32) | (uint)maps[relocation.Symbol].Fd.Value),
                    _ => instruction.WithConstant(CollectionValidator.SlotOf(collection, relocation.Symbol, out _) ?? 0),
                };
            }

            return program with { Instructions = instructions };
        }
    }
}

using System;
using System.Collections.Generic;
using Ebpf.Asm;

namespace Ebpf.Loader.RootArray
{
    /// <summary>
    /// Puts a compiled body behind a wrapper written in assembly: the wrapper is the main program and calls the body
    /// as a BPF-to-BPF subprogram placed after it. The wrapper's second instruction must be <c>call 0</c>, which becomes
    /// the pseudo call (src_reg BPF_PSEUDO_CALL, imm = distance in slots to the body). The body's relocations and source
    /// map move with it, so verifier errors in the body still point at its C# lines; the wrapper's instructions have no
    /// source location.
    /// </summary>
    /// <remarks>Kernel: BPF-to-BPF calls since 4.16; mixed with tail calls (the wrapper tail-calls) since 5.10 on x86-64
    /// and arm64 JITs. Callee-saved r6-r9 survive the call, so the wrapper keeps the context in r6.</remarks>
    internal static class SubprogramCall
    {
        /// <summary>The index of the placeholder call in the wrapper.</summary>
        public const int CallIndex = 1;

        private const byte CallOpCode = 0x85; // BPF_JMP | BPF_CALL
        private const Register PseudoCall = Register.R1; // BPF_PSEUDO_CALL in src_reg

        /// <summary>Links <paramref name="wrapperSource"/> (assembly) and <paramref name="body"/> into one program named <paramref name="name"/>.</summary>
        public static ProgramImage Link(string name, string wrapperSource, string wrapperFile, ProgramImage body)
        {
            if (body is null)
            {
                throw new ArgumentNullException(nameof(body));
            }

            if (body.Type != ProgramType.Xdp)
            {
                throw new ArgumentException($"program '{body.Name}' is {body.Type}, not XDP", nameof(body));
            }

            ProgramImage wrapper = Assembler.Assemble(wrapperSource, name, ProgramType.Xdp, wrapperFile);
            if (wrapper.Instructions.Count <= CallIndex || !wrapper.Instructions[CallIndex].IsCall || wrapper.Instructions[CallIndex].Immediate != 0)
            {
                throw new InvalidOperationException($"{wrapperFile}: instruction {CallIndex} must be the placeholder 'call 0'");
            }

            int callSlot = 0;
            for (int i = 0; i < CallIndex; i++)
            {
                callSlot += wrapper.Instructions[i].Slots;
            }

            int shift = wrapper.Instructions.Count;
            var instructions = new List<Instruction>(shift + body.Instructions.Count);
            instructions.AddRange(wrapper.Instructions);
            instructions[CallIndex] = new Instruction(CallOpCode, Register.R0, PseudoCall, 0, wrapper.SlotCount - (callSlot + 1));
            instructions.AddRange(body.Instructions);

            var relocations = new List<Relocation>(wrapper.Relocations);
            foreach (Relocation relocation in body.Relocations)
            {
                relocations.Add(relocation with { InstructionIndex = relocation.InstructionIndex + shift });
            }

            var sourceMap = new List<SourceMapEntry>(body.SourceMap.Count);
            foreach (SourceMapEntry entry in body.SourceMap)
            {
                sourceMap.Add(entry with { InstructionIndex = entry.InstructionIndex + shift });
            }

            return new ProgramImage(name, ProgramType.Xdp, instructions)
            {
                ExpectedAttachType = AttachType.Xdp,
                License = body.License,
                Relocations = relocations,
                SourceMap = sourceMap,
            };
        }
    }
}

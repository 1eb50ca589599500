using System;
using System.Collections.Generic;

namespace Ebpf.Asm
{
    /// <summary>
    /// A compiled program: instructions plus what the loader must resolve. Pure data; holds no fd.
    /// </summary>
    /// <param name="Name">The program's name in the kernel (first 15 bytes kept), in status output and skeletons.</param>
    /// <param name="Type">The kernel program type.</param>
    /// <param name="Instructions">Instructions in order; LD_IMM64 is one entry that takes two slots.</param>
    public sealed record ProgramImage(string Name, ProgramType Type, IReadOnlyList<Instruction> Instructions)
    {
        /// <summary>expected_attach_type given at load (e.g. BPF_XDP, BPF_CGROUP_INET_EGRESS).</summary>
        public AttachType? ExpectedAttachType { get; init; }

        /// <summary>The license string; GPL-only helpers need a GPL-compatible one.</summary>
        public string License { get; init; } = "GPL";

        /// <summary>References from instructions to maps and programs by name.</summary>
        public IReadOnlyList<Relocation> Relocations { get; init; } = Array.Empty<Relocation>();

        /// <summary>Where instructions came from, sorted by instruction index.</summary>
        public IReadOnlyList<SourceMapEntry> SourceMap { get; init; } = Array.Empty<SourceMapEntry>();

        /// <summary>
        /// Non-null for a slot program of the XDP root array (<c>[XdpSlot(k)]</c>): its default slot k. Such an image is
        /// only the author's body, which returns the verdict; the loader links the counting and chaining for the
        /// concrete slot it loads it into (<c>Ebpf.Loader.RootArray.SlotProgramLinker</c>).
        /// </summary>
        public int? DefaultSlot { get; init; }

        /// <summary>Total 8-byte slots (LD_IMM64 counts twice).</summary>
        public int SlotCount
        {
            get
            {
                int slots = 0;
                foreach (Instruction instruction in Instructions)
                {
                    slots += instruction.Slots;
                }

                return slots;
            }
        }

        /// <summary>The instruction index that occupies the given slot (the verifier speaks in slots).</summary>
        public int InstructionIndexOfSlot(int slot)
        {
            int current = 0;
            for (int i = 0; i < Instructions.Count; i++)
            {
                int width = Instructions[i].Slots;
                if (slot < current + width)
                {
                    return i;
                }

                current += width;
            }

            return -1;
        }

        /// <summary>The source location of an instruction, or null when the map has none.</summary>
        public SourceLocation? LocationOf(int instructionIndex)
        {
            SourceLocation? found = null;
            foreach (SourceMapEntry entry in SourceMap)
            {
                if (entry.InstructionIndex > instructionIndex)
                {
                    break;
                }

                found = entry.Location;
            }

            return found;
        }

        /// <summary>Builds an image from raw program bytes (8 per slot, as the kernel takes them), without relocations or source map.</summary>
        public static ProgramImage Decode(string name, ProgramType type, ReadOnlySpan<byte> bytes) =>
            new ProgramImage(name, type, InstructionDecoder.Decode(bytes));

        /// <summary>Encodes the instructions as the kernel expects them (8 bytes per slot).</summary>
        public byte[] Encode()
        {
            var bytes = new byte[SlotCount * Instruction.SlotSize];
            int position = 0;
            foreach (Instruction instruction in Instructions)
            {
                instruction.Encode(bytes.AsSpan(position));
                position += instruction.Slots * Instruction.SlotSize;
            }

            return bytes;
        }
    }
}

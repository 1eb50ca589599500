namespace Ebpf.Asm
{
    /// <summary>How <see cref="Disassembler"/> spells instructions and lays out listings.</summary>
    public sealed class DisassemblyOptions
    {
        /// <summary>
        /// The defaults: decimal immediates and 64-bit register names for narrow loads and stores, which is
        /// what <c>llvm-objdump-19 -d --no-print-imm-hex</c> prints (and close to the kernel's verifier log).
        /// </summary>
        public static DisassemblyOptions Default { get; } = new DisassemblyOptions();

        /// <summary>Exactly what <c>llvm-objdump-19 -d --mcpu=v4</c> prints: hex immediates, <c>wN</c> for narrow memory operands.</summary>
        public static DisassemblyOptions LlvmObjdump { get; } = new DisassemblyOptions { HexImmediates = true, SubRegisterMemoryOperands = true };

        /// <summary>Print immediates and offsets in hex (<c>r10 - 0x4</c>), as llvm-objdump does by default.</summary>
        public bool HexImmediates { get; init; }

        /// <summary>
        /// Name the register of a 1, 2 or 4 byte load or store by its 32-bit half (<c>w1 = *(u8 *)(r2 + 0)</c>),
        /// as llvm-objdump does with <c>--mcpu=v3</c> or later. Both spellings assemble to the same bytes.
        /// </summary>
        public bool SubRegisterMemoryOperands { get; init; }

        /// <summary>Print helper calls by name (<c>call bpf_map_lookup_elem</c>) instead of number; <see cref="Assembler"/> reads both, llvm-mc only numbers.</summary>
        public bool HelperNames { get; init; }

        /// <summary>Listings: prefix each line with its slot number (the verifier's instruction index).</summary>
        public bool ShowSlots { get; init; } = true;

        /// <summary>
        /// Listings: name jump, call and function-address targets with labels (<c>L12:</c> before slot 12,
        /// <c>goto L12</c>, <c>call L40</c>, <c>r1 = L40 ll</c>) instead of relative offsets.
        /// </summary>
        public bool ShowLabels { get; init; }

        /// <summary>Listings: show the instruction's raw bytes after the slot number.</summary>
        public bool ShowRawBytes { get; init; }

        /// <summary>Listings: interleave source lines from the image's source map as <c>; file:line: text</c> comments.</summary>
        public bool ShowSource { get; init; } = true;

        /// <summary>Listings: print relocated instructions symbolically (<c>r1 = map[name] ll</c>) instead of their raw constant.</summary>
        public bool ShowSymbols { get; init; } = true;
    }
}

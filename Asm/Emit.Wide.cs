namespace Ebpf.Asm
{
    public static partial class Emit
    {
        /// <summary><c>dst = imm64 ll</c>: loads a 64-bit constant (LD_IMM64, two slots).</summary>
        public static Instruction LoadImm64(Register destination, long constant) =>
            new Instruction(Instruction.LoadImmediate64OpCode, destination, Register.R0, 0, constant);

        /// <summary>LD_IMM64 with a pseudo source: <c>ld_pseudo dst, source, constant</c>.</summary>
        public static Instruction LoadPseudo(Register destination, PseudoSource source, long constant) =>
            new Instruction(Instruction.LoadImmediate64OpCode, destination, (Register)source, 0, constant);

        /// <summary>Loads the pointer of the map with that fd (BPF_PSEUDO_MAP_FD).</summary>
        public static Instruction LoadMapFd(Register destination, int mapFd) =>
            LoadPseudo(destination, PseudoSource.MapFd, (uint)mapFd);

        /// <summary>Loads the address of <paramref name="offset"/> bytes into the value of an array map (BPF_PSEUDO_MAP_VALUE).</summary>
        /// <remarks>Kernel: BPF_PSEUDO_MAP_VALUE, since 5.2.</remarks>
        public static Instruction LoadMapValue(Register destination, int mapFd, int offset) =>
            LoadPseudo(destination, PseudoSource.MapValue, Combine(mapFd, offset));

        /// <summary>Loads the address of a kernel variable by BTF id (BPF_PSEUDO_BTF_ID).</summary>
        /// <remarks>Kernel: BPF_PSEUDO_BTF_ID, since 5.10.</remarks>
        public static Instruction LoadBtfId(Register destination, int btfId) =>
            LoadPseudo(destination, PseudoSource.BtfId, (uint)btfId);

        /// <summary>
        /// Loads the address of a BPF function (BPF_PSEUDO_FUNC); the function starts at this instruction's first slot
        /// + 1 + <paramref name="offset"/> (the verifier's <c>insn_idx + imm + 1</c>, so the second slot counts).
        /// </summary>
        /// <remarks>Kernel: BPF_PSEUDO_FUNC (callbacks), since 5.13.</remarks>
        public static Instruction LoadFunction(Register destination, int offset) =>
            LoadPseudo(destination, PseudoSource.Function, (uint)offset);

        /// <summary>Loads the pointer of the map at <paramref name="index"/> in the fd_array given at load (BPF_PSEUDO_MAP_IDX).</summary>
        /// <remarks>Kernel: BPF_PSEUDO_MAP_IDX, since 5.14.</remarks>
        public static Instruction LoadMapIndex(Register destination, int index) =>
            LoadPseudo(destination, PseudoSource.MapIndex, (uint)index);

        /// <summary>Like <see cref="LoadMapValue"/> through the fd_array (BPF_PSEUDO_MAP_IDX_VALUE).</summary>
        /// <remarks>Kernel: BPF_PSEUDO_MAP_IDX_VALUE, since 5.14.</remarks>
        public static Instruction LoadMapIndexValue(Register destination, int index, int offset) =>
            LoadPseudo(destination, PseudoSource.MapIndexValue, Combine(index, offset));

        /// <summary><c>r0 = *(size *)skb[imm]</c>: legacy packet load at a constant offset (LD | ABS; byte order converted).</summary>
        /// <remarks>Kernel: BPF_LD | BPF_ABS, socket filters and classic programs only.</remarks>
        public static Instruction LoadAbsolute(MemorySize size, int offset) =>
            new Instruction(MemoryOpCode(MemoryMode.Absolute, size, InstructionClass.Ld), Register.R0, Register.R0, 0, offset);

        /// <summary><c>r0 = *(size *)skb[src + imm]</c>: legacy packet load at a register offset (LD | IND).</summary>
        /// <remarks>Kernel: BPF_LD | BPF_IND, socket filters and classic programs only.</remarks>
        public static Instruction LoadIndirect(MemorySize size, Register source, int offset = 0) =>
            new Instruction(MemoryOpCode(MemoryMode.Indirect, size, InstructionClass.Ld), Register.R0, source, 0, offset);

        private static long Combine(int low, int high) => ((long)high << 32) | (uint)low;
    }
}

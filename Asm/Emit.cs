namespace Ebpf.Asm
{
    /// <summary>
    /// Factory methods for every instruction of the current eBPF ISA, named after what they do:
    /// <c>Emit.Mov64(Register.R0, 1)</c> is <c>r0 = 1</c>, <c>Emit.Jeq32(Register.R1, 5, +2)</c> is
    /// <c>if w1 == 5 goto +2</c>.
    /// </summary>
    /// <remarks>
    /// Suffix 64 means the ALU64/JMP class (<c>rN</c> registers), suffix 32 the ALU/JMP32 class (<c>wN</c>).
    /// Jump offsets are in slots relative to the next instruction; LD_IMM64 takes two slots.
    /// Builders encode; they do not check that the verifier will accept the program.
    /// </remarks>
    public static partial class Emit
    {
        /// <summary>Builds an ALU64 instruction with a register operand: <c>dst op= src</c>.</summary>
        public static Instruction Alu64(AluOperation operation, Register destination, Register source, short offset = 0) =>
            new Instruction((byte)((byte)operation | (byte)OperandSource.Register | (byte)InstructionClass.Alu64), destination, source, offset, 0);

        /// <summary>Builds an ALU64 instruction with an immediate operand: <c>dst op= imm</c>.</summary>
        public static Instruction Alu64(AluOperation operation, Register destination, int immediate, short offset = 0) =>
            new Instruction((byte)((byte)operation | (byte)OperandSource.Constant | (byte)InstructionClass.Alu64), destination, Register.R0, offset, immediate);

        /// <summary>Builds an ALU (32-bit) instruction with a register operand: <c>wdst op= wsrc</c>.</summary>
        public static Instruction Alu32(AluOperation operation, Register destination, Register source, short offset = 0) =>
            new Instruction((byte)((byte)operation | (byte)OperandSource.Register | (byte)InstructionClass.Alu), destination, source, offset, 0);

        /// <summary>Builds an ALU (32-bit) instruction with an immediate operand: <c>wdst op= imm</c>.</summary>
        public static Instruction Alu32(AluOperation operation, Register destination, int immediate, short offset = 0) =>
            new Instruction((byte)((byte)operation | (byte)OperandSource.Constant | (byte)InstructionClass.Alu), destination, Register.R0, offset, immediate);

        /// <summary>Builds a JMP-class conditional jump comparing two registers.</summary>
        public static Instruction Jump64(JumpOperation operation, Register destination, Register source, short offset) =>
            new Instruction((byte)((byte)operation | (byte)OperandSource.Register | (byte)InstructionClass.Jmp), destination, source, offset, 0);

        /// <summary>Builds a JMP-class conditional jump comparing a register with an immediate.</summary>
        public static Instruction Jump64(JumpOperation operation, Register destination, int immediate, short offset) =>
            new Instruction((byte)((byte)operation | (byte)OperandSource.Constant | (byte)InstructionClass.Jmp), destination, Register.R0, offset, immediate);

        /// <summary>Builds a JMP32-class conditional jump comparing the low 32 bits of two registers.</summary>
        /// <remarks>Kernel: BPF_JMP32, since 5.1.</remarks>
        public static Instruction Jump32(JumpOperation operation, Register destination, Register source, short offset) =>
            new Instruction((byte)((byte)operation | (byte)OperandSource.Register | (byte)InstructionClass.Jmp32), destination, source, offset, 0);

        /// <summary>Builds a JMP32-class conditional jump comparing the low 32 bits of a register with an immediate.</summary>
        /// <remarks>Kernel: BPF_JMP32, since 5.1.</remarks>
        public static Instruction Jump32(JumpOperation operation, Register destination, int immediate, short offset) =>
            new Instruction((byte)((byte)operation | (byte)OperandSource.Constant | (byte)InstructionClass.Jmp32), destination, Register.R0, offset, immediate);

        private static byte MemoryOpCode(MemoryMode mode, MemorySize size, InstructionClass instructionClass) =>
            (byte)((byte)mode | (byte)size | (byte)instructionClass);
    }
}

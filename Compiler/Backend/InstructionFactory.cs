using Ebpf.Asm;

namespace Ebpf.Compiler.Backend
{
    /// <summary>Builds the eBPF encodings the backend emits.</summary>
    internal static class InstructionFactory
    {
        public static Instruction Alu(bool wide, AluOperation operation, Register destination, Register source, short offset = 0) =>
            new Instruction((byte)((byte)operation | (byte)OperandSource.Register | (byte)(wide ? InstructionClass.Alu64 : InstructionClass.Alu)), destination, source, offset, 0);

        public static Instruction AluImmediate(bool wide, AluOperation operation, Register destination, long immediate, short offset = 0) =>
            new Instruction((byte)((byte)operation | (byte)OperandSource.Constant | (byte)(wide ? InstructionClass.Alu64 : InstructionClass.Alu)), destination, 0, offset, immediate);

        /// <summary>BPF_END | BPF_TO_BE: byte swap on a little-endian machine; zero-extends 16 and 32.</summary>
        public static Instruction ToBigEndian(Register destination, int width) =>
            new Instruction((byte)((byte)AluOperation.End | 0x08 | (byte)InstructionClass.Alu), destination, 0, 0, width);

        public static Instruction Jump(bool wide, JumpOperation operation, Register left, Register right) =>
            new Instruction((byte)((byte)operation | (byte)OperandSource.Register | (byte)(wide ? InstructionClass.Jmp : InstructionClass.Jmp32)), left, right, 0, 0);

        public static Instruction JumpImmediate(bool wide, JumpOperation operation, Register left, long immediate) =>
            new Instruction((byte)((byte)operation | (byte)OperandSource.Constant | (byte)(wide ? InstructionClass.Jmp : InstructionClass.Jmp32)), left, 0, 0, immediate);

        public static Instruction Goto() => new Instruction((byte)((byte)JumpOperation.Ja | (byte)InstructionClass.Jmp), 0, 0, 0, 0);

        public static Instruction Call(CallKind kind, int immediate) =>
            new Instruction((byte)((byte)JumpOperation.Call | (byte)InstructionClass.Jmp), 0, (Register)kind, 0, immediate);

        public static Instruction Exit() => new Instruction((byte)((byte)JumpOperation.Exit | (byte)InstructionClass.Jmp), 0, 0, 0, 0);

        public static Instruction Load(int width, bool signExtend, Register destination, Register address, short offset) =>
            new Instruction((byte)((byte)(signExtend ? MemoryMode.MemorySignExtend : MemoryMode.Memory) | (byte)Size(width) | (byte)InstructionClass.Ldx), destination, address, offset, 0);

        public static Instruction Store(int width, Register address, short offset, Register value) =>
            new Instruction((byte)((byte)MemoryMode.Memory | (byte)Size(width) | (byte)InstructionClass.Stx), address, value, offset, 0);

        public static Instruction StoreImmediate(int width, Register address, short offset, long immediate) =>
            new Instruction((byte)((byte)MemoryMode.Memory | (byte)Size(width) | (byte)InstructionClass.St), address, 0, offset, immediate);

        public static Instruction LoadImmediate64(Register destination, long constant, PseudoSource pseudo = PseudoSource.None) =>
            new Instruction(Instruction.LoadImmediate64OpCode, destination, (Register)pseudo, 0, constant);

        private static MemorySize Size(int width)
        {
            switch (width)
            {
                case 8: return MemorySize.Byte;
                case 16: return MemorySize.Half;
                case 32: return MemorySize.Word;
                default: return MemorySize.DoubleWord;
            }
        }
    }
}

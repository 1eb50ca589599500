using System;
using System.Buffers.Binary;

namespace Ebpf.Asm
{
    /// <summary>
    /// One eBPF instruction as a value: opcode, registers, offset and constant.
    /// LD_IMM64 is one <see cref="Instruction"/> that occupies two 8-byte slots.
    /// </summary>
    /// <remarks>
    /// Encoding (little endian), 8 bytes per slot:
    /// <code>
    ///  byte 0     byte 1          bytes 2-3      bytes 4-7
    /// +--------+-------+-------+--------------+------------------+
    /// | opcode |  src  |  dst  | offset (s16) | immediate (s32)  |
    /// +--------+-------+-------+--------------+------------------+
    ///           hi nib  lo nib
    /// </code>
    /// LD_IMM64 adds a second slot whose opcode, registers and offset are zero and whose
    /// immediate holds the upper 32 bits of the constant.
    /// </remarks>
    public readonly struct Instruction : IEquatable<Instruction>
    {
        /// <summary>Size of one instruction slot in bytes.</summary>
        public const int SlotSize = 8;

        /// <summary>The LD_IMM64 opcode (BPF_LD | BPF_DW | BPF_IMM).</summary>
        public const byte LoadImmediate64OpCode = 0x18;

        /// <summary>Creates an instruction from its raw fields.</summary>
        public Instruction(byte opCode, Register destination, Register source, short offset, long constant)
        {
            OpCode = opCode;
            Destination = destination;
            Source = source;
            Offset = offset;
            Constant = opCode == LoadImmediate64OpCode ? constant : (int)constant;
        }

        /// <summary>The opcode byte.</summary>
        public byte OpCode { get; }

        /// <summary>The destination register (low nibble of byte 1).</summary>
        public Register Destination { get; }

        /// <summary>The source register (high nibble of byte 1); a pseudo kind for LD_IMM64 and calls.</summary>
        public Register Source { get; }

        /// <summary>The signed 16-bit offset: jump distance in slots, or memory displacement.</summary>
        public short Offset { get; }

        /// <summary>The constant: 64 bits for LD_IMM64, otherwise the sign-extended 32-bit immediate.</summary>
        public long Constant { get; }

        /// <summary>The 32-bit immediate field of the first slot.</summary>
        public int Immediate => unchecked((int)Constant);

        /// <summary>The instruction class (low three bits of the opcode).</summary>
        public InstructionClass Class => (InstructionClass)(OpCode & 0x07);

        /// <summary>True for LD_IMM64, which takes two slots.</summary>
        public bool IsWide => OpCode == LoadImmediate64OpCode;

        /// <summary>Number of 8-byte slots: 2 for LD_IMM64, else 1.</summary>
        public int Slots => IsWide ? 2 : 1;

        /// <summary>True for ALU and ALU64 instructions.</summary>
        public bool IsAlu => Class == InstructionClass.Alu || Class == InstructionClass.Alu64;

        /// <summary>True for JMP and JMP32 class instructions (including call and exit).</summary>
        public bool IsJumpClass => Class == InstructionClass.Jmp || Class == InstructionClass.Jmp32;

        /// <summary>The ALU operation (bits 4–7) of an ALU instruction.</summary>
        public AluOperation AluOperation => (AluOperation)(OpCode & 0xf0);

        /// <summary>The jump operation (bits 4–7) of a jump instruction.</summary>
        public JumpOperation JumpOperation => (JumpOperation)(OpCode & 0xf0);

        /// <summary>Whether an ALU or jump instruction takes the register or the immediate.</summary>
        public OperandSource OperandSource => (OperandSource)(OpCode & 0x08);

        /// <summary>The access size of a load or store.</summary>
        public MemorySize MemorySize => (MemorySize)(OpCode & 0x18);

        /// <summary>The mode of a load or store.</summary>
        public MemoryMode MemoryMode => (MemoryMode)(OpCode & 0xe0);

        /// <summary>The pseudo source of LD_IMM64.</summary>
        public PseudoSource PseudoSource => (PseudoSource)Source;

        /// <summary>True for a call instruction (helper, local or kfunc).</summary>
        public bool IsCall => Class == InstructionClass.Jmp && JumpOperation == JumpOperation.Call;

        /// <summary>True for exit.</summary>
        public bool IsExit => Class == InstructionClass.Jmp && JumpOperation == JumpOperation.Exit;

        /// <summary>True for a conditional or unconditional jump with a target (not call or exit).</summary>
        public bool IsBranch => IsJumpClass && JumpOperation != JumpOperation.Call && JumpOperation != JumpOperation.Exit;

        /// <summary>True for gotol (JMP32 | JA), whose 32-bit offset lives in the immediate.</summary>
        public bool IsLongJump => Class == InstructionClass.Jmp32 && JumpOperation == JumpOperation.Ja;

        /// <summary>Returns a copy with another offset.</summary>
        public Instruction WithOffset(short offset) => new Instruction(OpCode, Destination, Source, offset, Constant);

        /// <summary>Returns a copy with another constant (immediate).</summary>
        public Instruction WithConstant(long constant) => new Instruction(OpCode, Destination, Source, Offset, constant);

        /// <summary>Returns a copy with another source register field.</summary>
        public Instruction WithSource(Register source) => new Instruction(OpCode, Destination, source, Offset, Constant);

        /// <summary>Writes the instruction's <see cref="Slots"/> × 8 bytes.</summary>
        public void Encode(Span<byte> destination)
        {
            if (destination.Length < Slots * SlotSize)
            {
                throw new ArgumentException("destination is too small for this instruction", nameof(destination));
            }

            destination[0] = OpCode;
            destination[1] = (byte)(((byte)Source << 4) | ((byte)Destination & 0x0f));
            BinaryPrimitives.WriteInt16LittleEndian(destination.Slice(2), Offset);
            BinaryPrimitives.WriteInt32LittleEndian(destination.Slice(4), unchecked((int)Constant));
            if (IsWide)
            {
                destination.Slice(8, 4).Clear();
                BinaryPrimitives.WriteInt32LittleEndian(destination.Slice(12), unchecked((int)(Constant >> 32)));
            }
        }

        /// <summary>
        /// Reads one instruction from the start of <paramref name="source"/>; <paramref name="slots"/> tells
        /// how many slots it used. Throws <see cref="FormatException"/> on a truncated LD_IMM64.
        /// </summary>
        public static Instruction Decode(ReadOnlySpan<byte> source, out int slots)
        {
            if (source.Length < SlotSize)
            {
                throw new FormatException("an instruction needs 8 bytes");
            }

            byte opCode = source[0];
            var dst = (Register)(source[1] & 0x0f);
            var src = (Register)(source[1] >> 4);
            short offset = BinaryPrimitives.ReadInt16LittleEndian(source.Slice(2));
            int imm = BinaryPrimitives.ReadInt32LittleEndian(source.Slice(4));
            if (opCode != LoadImmediate64OpCode)
            {
                slots = 1;
                return new Instruction(opCode, dst, src, offset, imm);
            }

            if (source.Length < 2 * SlotSize)
            {
                throw new FormatException("LD_IMM64 is missing its second slot");
            }

            uint high = BinaryPrimitives.ReadUInt32LittleEndian(source.Slice(12));
            slots = 2;
            return new Instruction(opCode, dst, src, offset, (long)(((ulong)high << 32) | (uint)imm));
        }

        /// <inheritdoc />
        public bool Equals(Instruction other) =>
            OpCode == other.OpCode && Destination == other.Destination && Source == other.Source &&
            Offset == other.Offset && Constant == other.Constant;

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is Instruction other && Equals(other);

        /// <inheritdoc />
        public override int GetHashCode() =>
            unchecked((((OpCode * 31 + (int)Destination) * 31 + (int)Source) * 31 + Offset) * 31 + Constant.GetHashCode());

        /// <summary>Equality of all fields.</summary>
        public static bool operator ==(Instruction left, Instruction right) => left.Equals(right);

        /// <summary>Inequality of any field.</summary>
        public static bool operator !=(Instruction left, Instruction right) => !left.Equals(right);

        /// <summary>Raw fields, for debugging; use the disassembler for readable text.</summary>
        public override string ToString() =>
            $"op=0x{OpCode:x2} dst={Destination} src={Source} off={Offset} imm={Constant}";
    }
}

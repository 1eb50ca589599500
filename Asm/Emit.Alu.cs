namespace Ebpf.Asm
{
    public static partial class Emit
    {
        /// <summary><c>rdst += rsrc</c> (ALU64).</summary>
        public static Instruction Add64(Register destination, Register source) => Alu64(AluOperation.Add, destination, source);

        /// <summary><c>rdst += imm</c> (ALU64, 32-bit immediate, sign-extended).</summary>
        public static Instruction Add64(Register destination, int immediate) => Alu64(AluOperation.Add, destination, immediate);

        /// <summary><c>wdst += wsrc</c> (ALU32).</summary>
        public static Instruction Add32(Register destination, Register source) => Alu32(AluOperation.Add, destination, source);

        /// <summary><c>wdst += imm</c> (ALU32, 32-bit immediate).</summary>
        public static Instruction Add32(Register destination, int immediate) => Alu32(AluOperation.Add, destination, immediate);

        /// <summary><c>rdst -= rsrc</c> (ALU64).</summary>
        public static Instruction Sub64(Register destination, Register source) => Alu64(AluOperation.Sub, destination, source);

        /// <summary><c>rdst -= imm</c> (ALU64, 32-bit immediate, sign-extended).</summary>
        public static Instruction Sub64(Register destination, int immediate) => Alu64(AluOperation.Sub, destination, immediate);

        /// <summary><c>wdst -= wsrc</c> (ALU32).</summary>
        public static Instruction Sub32(Register destination, Register source) => Alu32(AluOperation.Sub, destination, source);

        /// <summary><c>wdst -= imm</c> (ALU32, 32-bit immediate).</summary>
        public static Instruction Sub32(Register destination, int immediate) => Alu32(AluOperation.Sub, destination, immediate);

        /// <summary><c>rdst *= rsrc</c> (ALU64).</summary>
        public static Instruction Mul64(Register destination, Register source) => Alu64(AluOperation.Mul, destination, source);

        /// <summary><c>rdst *= imm</c> (ALU64, 32-bit immediate, sign-extended).</summary>
        public static Instruction Mul64(Register destination, int immediate) => Alu64(AluOperation.Mul, destination, immediate);

        /// <summary><c>wdst *= wsrc</c> (ALU32).</summary>
        public static Instruction Mul32(Register destination, Register source) => Alu32(AluOperation.Mul, destination, source);

        /// <summary><c>wdst *= imm</c> (ALU32, 32-bit immediate).</summary>
        public static Instruction Mul32(Register destination, int immediate) => Alu32(AluOperation.Mul, destination, immediate);

        /// <summary><c>rdst /= rsrc (unsigned; x / 0 = 0)</c> (ALU64).</summary>
        public static Instruction Div64(Register destination, Register source) => Alu64(AluOperation.Div, destination, source);

        /// <summary><c>rdst /= imm (unsigned; x / 0 = 0)</c> (ALU64, 32-bit immediate, sign-extended).</summary>
        public static Instruction Div64(Register destination, int immediate) => Alu64(AluOperation.Div, destination, immediate);

        /// <summary><c>wdst /= wsrc (unsigned; x / 0 = 0)</c> (ALU32).</summary>
        public static Instruction Div32(Register destination, Register source) => Alu32(AluOperation.Div, destination, source);

        /// <summary><c>wdst /= imm (unsigned; x / 0 = 0)</c> (ALU32, 32-bit immediate).</summary>
        public static Instruction Div32(Register destination, int immediate) => Alu32(AluOperation.Div, destination, immediate);

        /// <summary><c>rdst |= rsrc</c> (ALU64).</summary>
        public static Instruction Or64(Register destination, Register source) => Alu64(AluOperation.Or, destination, source);

        /// <summary><c>rdst |= imm</c> (ALU64, 32-bit immediate, sign-extended).</summary>
        public static Instruction Or64(Register destination, int immediate) => Alu64(AluOperation.Or, destination, immediate);

        /// <summary><c>wdst |= wsrc</c> (ALU32).</summary>
        public static Instruction Or32(Register destination, Register source) => Alu32(AluOperation.Or, destination, source);

        /// <summary><c>wdst |= imm</c> (ALU32, 32-bit immediate).</summary>
        public static Instruction Or32(Register destination, int immediate) => Alu32(AluOperation.Or, destination, immediate);

        /// <summary><c>rdst &amp;= rsrc</c> (ALU64).</summary>
        public static Instruction And64(Register destination, Register source) => Alu64(AluOperation.And, destination, source);

        /// <summary><c>rdst &amp;= imm</c> (ALU64, 32-bit immediate, sign-extended).</summary>
        public static Instruction And64(Register destination, int immediate) => Alu64(AluOperation.And, destination, immediate);

        /// <summary><c>wdst &amp;= wsrc</c> (ALU32).</summary>
        public static Instruction And32(Register destination, Register source) => Alu32(AluOperation.And, destination, source);

        /// <summary><c>wdst &amp;= imm</c> (ALU32, 32-bit immediate).</summary>
        public static Instruction And32(Register destination, int immediate) => Alu32(AluOperation.And, destination, immediate);

        /// <summary><c>rdst &lt;&lt;= rsrc</c> (ALU64).</summary>
        public static Instruction Lsh64(Register destination, Register source) => Alu64(AluOperation.Lsh, destination, source);

        /// <summary><c>rdst &lt;&lt;= imm</c> (ALU64, 32-bit immediate, sign-extended).</summary>
        public static Instruction Lsh64(Register destination, int immediate) => Alu64(AluOperation.Lsh, destination, immediate);

        /// <summary><c>wdst &lt;&lt;= wsrc</c> (ALU32).</summary>
        public static Instruction Lsh32(Register destination, Register source) => Alu32(AluOperation.Lsh, destination, source);

        /// <summary><c>wdst &lt;&lt;= imm</c> (ALU32, 32-bit immediate).</summary>
        public static Instruction Lsh32(Register destination, int immediate) => Alu32(AluOperation.Lsh, destination, immediate);

        /// <summary><c>rdst &gt;&gt;= rsrc (logical)</c> (ALU64).</summary>
        public static Instruction Rsh64(Register destination, Register source) => Alu64(AluOperation.Rsh, destination, source);

        /// <summary><c>rdst &gt;&gt;= imm (logical)</c> (ALU64, 32-bit immediate, sign-extended).</summary>
        public static Instruction Rsh64(Register destination, int immediate) => Alu64(AluOperation.Rsh, destination, immediate);

        /// <summary><c>wdst &gt;&gt;= wsrc (logical)</c> (ALU32).</summary>
        public static Instruction Rsh32(Register destination, Register source) => Alu32(AluOperation.Rsh, destination, source);

        /// <summary><c>wdst &gt;&gt;= imm (logical)</c> (ALU32, 32-bit immediate).</summary>
        public static Instruction Rsh32(Register destination, int immediate) => Alu32(AluOperation.Rsh, destination, immediate);

        /// <summary><c>rdst %= rsrc (unsigned; x % 0 = x)</c> (ALU64).</summary>
        public static Instruction Mod64(Register destination, Register source) => Alu64(AluOperation.Mod, destination, source);

        /// <summary><c>rdst %= imm (unsigned; x % 0 = x)</c> (ALU64, 32-bit immediate, sign-extended).</summary>
        public static Instruction Mod64(Register destination, int immediate) => Alu64(AluOperation.Mod, destination, immediate);

        /// <summary><c>wdst %= wsrc (unsigned; x % 0 = x)</c> (ALU32).</summary>
        public static Instruction Mod32(Register destination, Register source) => Alu32(AluOperation.Mod, destination, source);

        /// <summary><c>wdst %= imm (unsigned; x % 0 = x)</c> (ALU32, 32-bit immediate).</summary>
        public static Instruction Mod32(Register destination, int immediate) => Alu32(AluOperation.Mod, destination, immediate);

        /// <summary><c>rdst ^= rsrc</c> (ALU64).</summary>
        public static Instruction Xor64(Register destination, Register source) => Alu64(AluOperation.Xor, destination, source);

        /// <summary><c>rdst ^= imm</c> (ALU64, 32-bit immediate, sign-extended).</summary>
        public static Instruction Xor64(Register destination, int immediate) => Alu64(AluOperation.Xor, destination, immediate);

        /// <summary><c>wdst ^= wsrc</c> (ALU32).</summary>
        public static Instruction Xor32(Register destination, Register source) => Alu32(AluOperation.Xor, destination, source);

        /// <summary><c>wdst ^= imm</c> (ALU32, 32-bit immediate).</summary>
        public static Instruction Xor32(Register destination, int immediate) => Alu32(AluOperation.Xor, destination, immediate);

        /// <summary><c>rdst = rsrc</c> (ALU64).</summary>
        public static Instruction Mov64(Register destination, Register source) => Alu64(AluOperation.Mov, destination, source);

        /// <summary><c>rdst = imm</c> (ALU64, 32-bit immediate, sign-extended).</summary>
        public static Instruction Mov64(Register destination, int immediate) => Alu64(AluOperation.Mov, destination, immediate);

        /// <summary><c>wdst = wsrc</c> (ALU32).</summary>
        public static Instruction Mov32(Register destination, Register source) => Alu32(AluOperation.Mov, destination, source);

        /// <summary><c>wdst = imm</c> (ALU32, 32-bit immediate).</summary>
        public static Instruction Mov32(Register destination, int immediate) => Alu32(AluOperation.Mov, destination, immediate);

        /// <summary><c>rdst s&gt;&gt;= rsrc (arithmetic)</c> (ALU64).</summary>
        public static Instruction Arsh64(Register destination, Register source) => Alu64(AluOperation.Arsh, destination, source);

        /// <summary><c>rdst s&gt;&gt;= imm (arithmetic)</c> (ALU64, 32-bit immediate, sign-extended).</summary>
        public static Instruction Arsh64(Register destination, int immediate) => Alu64(AluOperation.Arsh, destination, immediate);

        /// <summary><c>wdst s&gt;&gt;= wsrc (arithmetic)</c> (ALU32).</summary>
        public static Instruction Arsh32(Register destination, Register source) => Alu32(AluOperation.Arsh, destination, source);

        /// <summary><c>wdst s&gt;&gt;= imm (arithmetic)</c> (ALU32, 32-bit immediate).</summary>
        public static Instruction Arsh32(Register destination, int immediate) => Alu32(AluOperation.Arsh, destination, immediate);

        /// <summary><c>rdst s/= rsrc</c>: signed division (offset 1).</summary>
        /// <remarks>Kernel: BPF_DIV with off = 1 (cpu v4), since 6.6.</remarks>
        public static Instruction SDiv64(Register destination, Register source) => Alu64(AluOperation.Div, destination, source, 1);

        /// <summary><c>rdst s/= imm</c>: signed division by a constant (offset 1).</summary>
        /// <remarks>Kernel: BPF_DIV with off = 1 (cpu v4), since 6.6.</remarks>
        public static Instruction SDiv64(Register destination, int immediate) => Alu64(AluOperation.Div, destination, immediate, 1);

        /// <summary><c>wdst s/= wsrc</c>: signed division (offset 1).</summary>
        /// <remarks>Kernel: BPF_DIV with off = 1 (cpu v4), since 6.6.</remarks>
        public static Instruction SDiv32(Register destination, Register source) => Alu32(AluOperation.Div, destination, source, 1);

        /// <summary><c>wdst s/= imm</c>: signed division by a constant (offset 1).</summary>
        /// <remarks>Kernel: BPF_DIV with off = 1 (cpu v4), since 6.6.</remarks>
        public static Instruction SDiv32(Register destination, int immediate) => Alu32(AluOperation.Div, destination, immediate, 1);

        /// <summary><c>rdst s%= rsrc</c>: signed remainder (offset 1).</summary>
        /// <remarks>Kernel: BPF_MOD with off = 1 (cpu v4), since 6.6.</remarks>
        public static Instruction SMod64(Register destination, Register source) => Alu64(AluOperation.Mod, destination, source, 1);

        /// <summary><c>rdst s%= imm</c>: signed remainder by a constant (offset 1).</summary>
        /// <remarks>Kernel: BPF_MOD with off = 1 (cpu v4), since 6.6.</remarks>
        public static Instruction SMod64(Register destination, int immediate) => Alu64(AluOperation.Mod, destination, immediate, 1);

        /// <summary><c>wdst s%= wsrc</c>: signed remainder (offset 1).</summary>
        /// <remarks>Kernel: BPF_MOD with off = 1 (cpu v4), since 6.6.</remarks>
        public static Instruction SMod32(Register destination, Register source) => Alu32(AluOperation.Mod, destination, source, 1);

        /// <summary><c>wdst s%= imm</c>: signed remainder by a constant (offset 1).</summary>
        /// <remarks>Kernel: BPF_MOD with off = 1 (cpu v4), since 6.6.</remarks>
        public static Instruction SMod32(Register destination, int immediate) => Alu32(AluOperation.Mod, destination, immediate, 1);

        /// <summary><c>rdst = -rdst</c>.</summary>
        public static Instruction Neg64(Register destination) => Alu64(AluOperation.Neg, destination, 0);

        /// <summary><c>wdst = -wdst</c>.</summary>
        public static Instruction Neg32(Register destination) => Alu32(AluOperation.Neg, destination, 0);

        /// <summary><c>rdst = (s8)rsrc</c>, <c>(s16)</c> or <c>(s32)</c>: sign-extending move from the low <paramref name="fromBits"/> bits.</summary>
        /// <remarks>Kernel: BPF_MOVSX (BPF_MOV with off = 8, 16, 32; cpu v4), since 6.6.</remarks>
        public static Instruction MovSx64(Register destination, Register source, int fromBits)
        {
            if (fromBits != 8 && fromBits != 16 && fromBits != 32)
            {
                throw new System.ArgumentOutOfRangeException(nameof(fromBits), fromBits, "movsx64 extends from 8, 16 or 32 bits");
            }

            return Alu64(AluOperation.Mov, destination, source, (short)fromBits);
        }

        /// <summary><c>wdst = (s8)wsrc</c> or <c>(s16)</c>: sign-extending 32-bit move from the low <paramref name="fromBits"/> bits.</summary>
        /// <remarks>Kernel: BPF_MOVSX (BPF_ALU | BPF_MOV with off = 8, 16; cpu v4), since 6.6.</remarks>
        public static Instruction MovSx32(Register destination, Register source, int fromBits)
        {
            if (fromBits != 8 && fromBits != 16)
            {
                throw new System.ArgumentOutOfRangeException(nameof(fromBits), fromBits, "movsx32 extends from 8 or 16 bits");
            }

            return Alu32(AluOperation.Mov, destination, source, (short)fromBits);
        }

        /// <summary><c>rdst = addr_space_cast(rsrc, destinationSpace, sourceSpace)</c>: converts a pointer between address spaces.</summary>
        /// <remarks>Kernel: BPF_ADDR_SPACE_CAST (ALU64 MOV, off = 1, imm = dst_as &lt;&lt; 16 | src_as), for BPF arena, since 6.9.</remarks>
        public static Instruction AddressSpaceCast(Register destination, Register source, ushort destinationSpace, ushort sourceSpace) =>
            new Instruction((byte)((byte)AluOperation.Mov | (byte)OperandSource.Register | (byte)InstructionClass.Alu64), destination, source, 1, (destinationSpace << 16) | sourceSpace);

        /// <summary><c>rdst = be16 rdst</c>: converts the low 16 bits to big endian (a no-op or swap depending on the host), zero-extending.</summary>
        public static Instruction Be16(Register destination) =>
            new Instruction((byte)((byte)AluOperation.End | (byte)OperandSource.Register | (byte)InstructionClass.Alu), destination, Register.R0, 0, 16);

        /// <summary><c>rdst = be32 rdst</c>: converts the low 32 bits to big endian (a no-op or swap depending on the host), zero-extending.</summary>
        public static Instruction Be32(Register destination) =>
            new Instruction((byte)((byte)AluOperation.End | (byte)OperandSource.Register | (byte)InstructionClass.Alu), destination, Register.R0, 0, 32);

        /// <summary><c>rdst = be64 rdst</c>: converts the low 64 bits to big endian (a no-op or swap depending on the host), zero-extending.</summary>
        public static Instruction Be64(Register destination) =>
            new Instruction((byte)((byte)AluOperation.End | (byte)OperandSource.Register | (byte)InstructionClass.Alu), destination, Register.R0, 0, 64);

        /// <summary><c>rdst = le16 rdst</c>: converts the low 16 bits to little endian (a no-op or swap depending on the host), zero-extending.</summary>
        public static Instruction Le16(Register destination) =>
            new Instruction((byte)((byte)AluOperation.End | (byte)OperandSource.Constant | (byte)InstructionClass.Alu), destination, Register.R0, 0, 16);

        /// <summary><c>rdst = le32 rdst</c>: converts the low 32 bits to little endian (a no-op or swap depending on the host), zero-extending.</summary>
        public static Instruction Le32(Register destination) =>
            new Instruction((byte)((byte)AluOperation.End | (byte)OperandSource.Constant | (byte)InstructionClass.Alu), destination, Register.R0, 0, 32);

        /// <summary><c>rdst = le64 rdst</c>: converts the low 64 bits to little endian (a no-op or swap depending on the host), zero-extending.</summary>
        public static Instruction Le64(Register destination) =>
            new Instruction((byte)((byte)AluOperation.End | (byte)OperandSource.Constant | (byte)InstructionClass.Alu), destination, Register.R0, 0, 64);

        /// <summary><c>rdst = bswap16 rdst</c>: unconditionally swaps the bytes of the low 16 bits, zero-extending.</summary>
        /// <remarks>Kernel: BPF_ALU64 | BPF_END (cpu v4), since 6.6.</remarks>
        public static Instruction Bswap16(Register destination) =>
            new Instruction((byte)((byte)AluOperation.End | (byte)InstructionClass.Alu64), destination, Register.R0, 0, 16);

        /// <summary><c>rdst = bswap32 rdst</c>: unconditionally swaps the bytes of the low 32 bits, zero-extending.</summary>
        /// <remarks>Kernel: BPF_ALU64 | BPF_END (cpu v4), since 6.6.</remarks>
        public static Instruction Bswap32(Register destination) =>
            new Instruction((byte)((byte)AluOperation.End | (byte)InstructionClass.Alu64), destination, Register.R0, 0, 32);

        /// <summary><c>rdst = bswap64 rdst</c>: unconditionally swaps the bytes of the low 64 bits, zero-extending.</summary>
        /// <remarks>Kernel: BPF_ALU64 | BPF_END (cpu v4), since 6.6.</remarks>
        public static Instruction Bswap64(Register destination) =>
            new Instruction((byte)((byte)AluOperation.End | (byte)InstructionClass.Alu64), destination, Register.R0, 0, 64);
    }
}

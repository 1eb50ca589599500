namespace Ebpf.Asm
{
    // The opcode byte, as the kernel's Documentation/bpf/standardization/instruction-set.rst draws it:
    //
    //   ALU / ALU64 / JMP / JMP32            LD / LDX / ST / STX
    //   +--------+------+---------+          +--------+--------+---------+
    //   | 4 bits | 1 b  | 3 bits  |          | 3 bits | 2 bits | 3 bits  |
    //   |  code  |source|  class  |          |  mode  |  size  |  class  |
    //   +--------+------+---------+          +--------+--------+---------+
    //    7     4    3    2       0            7     5  4     3  2       0

    /// <summary>The low three bits of the opcode.</summary>
    public enum InstructionClass : byte
    {
        /// <summary>BPF_LD: LD_IMM64 and the legacy packet loads.</summary>
        Ld = 0x00,
        /// <summary>BPF_LDX: load from memory into a register.</summary>
        Ldx = 0x01,
        /// <summary>BPF_ST: store an immediate to memory.</summary>
        St = 0x02,
        /// <summary>BPF_STX: store a register to memory, and atomics.</summary>
        Stx = 0x03,
        /// <summary>BPF_ALU: 32-bit arithmetic.</summary>
        Alu = 0x04,
        /// <summary>BPF_JMP: 64-bit compares, calls, exit.</summary>
        Jmp = 0x05,
        /// <summary>BPF_JMP32: 32-bit compares.</summary>
        Jmp32 = 0x06,
        /// <summary>BPF_ALU64: 64-bit arithmetic.</summary>
        Alu64 = 0x07,
    }

    /// <summary>Bit 3 of an ALU or jump opcode: is the second operand the immediate or the source register.</summary>
    public enum OperandSource : byte
    {
        /// <summary>BPF_K: the 32-bit immediate.</summary>
        Constant = 0x00,
        /// <summary>BPF_X: the source register.</summary>
        Register = 0x08,
    }

    /// <summary>Bits 4–7 of an ALU opcode.</summary>
    public enum AluOperation : byte
    {
        /// <summary>dst += src</summary>
        Add = 0x00,
        /// <summary>dst -= src</summary>
        Sub = 0x10,
        /// <summary>dst *= src</summary>
        Mul = 0x20,
        /// <summary>dst /= src (offset 1: signed)</summary>
        Div = 0x30,
        /// <summary>dst |= src</summary>
        Or = 0x40,
        /// <summary>dst &amp;= src</summary>
        And = 0x50,
        /// <summary>dst &lt;&lt;= src</summary>
        Lsh = 0x60,
        /// <summary>dst &gt;&gt;= src (logical)</summary>
        Rsh = 0x70,
        /// <summary>dst = -dst</summary>
        Neg = 0x80,
        /// <summary>dst %= src (offset 1: signed)</summary>
        Mod = 0x90,
        /// <summary>dst ^= src</summary>
        Xor = 0xa0,
        /// <summary>dst = src (offset 8/16/32: sign-extending)</summary>
        Mov = 0xb0,
        /// <summary>dst &gt;&gt;= src (arithmetic)</summary>
        Arsh = 0xc0,
        /// <summary>Byte swap; the width is in the immediate (16, 32, 64).</summary>
        End = 0xd0,
    }

    /// <summary>Bits 4–7 of a JMP or JMP32 opcode.</summary>
    public enum JumpOperation : byte
    {
        /// <summary>goto (JMP32 class: gotol with a 32-bit offset in imm).</summary>
        Ja = 0x00,
        /// <summary>==</summary>
        Jeq = 0x10,
        /// <summary>&gt; unsigned</summary>
        Jgt = 0x20,
        /// <summary>&gt;= unsigned</summary>
        Jge = 0x30,
        /// <summary>&amp; (jump if dst &amp; src != 0)</summary>
        Jset = 0x40,
        /// <summary>!=</summary>
        Jne = 0x50,
        /// <summary>&gt; signed</summary>
        Jsgt = 0x60,
        /// <summary>&gt;= signed</summary>
        Jsge = 0x70,
        /// <summary>Helper, BPF-to-BPF or kfunc call (by src register field).</summary>
        Call = 0x80,
        /// <summary>Return r0.</summary>
        Exit = 0x90,
        /// <summary>&lt; unsigned</summary>
        Jlt = 0xa0,
        /// <summary>&lt;= unsigned</summary>
        Jle = 0xb0,
        /// <summary>&lt; signed</summary>
        Jslt = 0xc0,
        /// <summary>&lt;= signed</summary>
        Jsle = 0xd0,
        /// <summary>BPF_JCOND: <c>may_goto</c> (JMP class only; kernel 6.9).</summary>
        MayGoto = 0xe0,
    }

    /// <summary>Bits 3–4 of a load/store opcode.</summary>
    public enum MemorySize : byte
    {
        /// <summary>BPF_W: 4 bytes (u32).</summary>
        Word = 0x00,
        /// <summary>BPF_H: 2 bytes (u16).</summary>
        Half = 0x08,
        /// <summary>BPF_B: 1 byte (u8).</summary>
        Byte = 0x10,
        /// <summary>BPF_DW: 8 bytes (u64).</summary>
        DoubleWord = 0x18,
    }

    /// <summary>Bits 5–7 of a load/store opcode.</summary>
    public enum MemoryMode : byte
    {
        /// <summary>BPF_IMM: LD_IMM64 (with BPF_DW).</summary>
        Immediate = 0x00,
        /// <summary>BPF_ABS: legacy packet load at a constant offset.</summary>
        Absolute = 0x20,
        /// <summary>BPF_IND: legacy packet load at src + offset.</summary>
        Indirect = 0x40,
        /// <summary>BPF_MEM: ordinary memory access.</summary>
        Memory = 0x60,
        /// <summary>BPF_MEMSX: sign-extending load (LDX only).</summary>
        MemorySignExtend = 0x80,
        /// <summary>BPF_ATOMIC: atomic read-modify-write (STX only); the operation is in imm.</summary>
        Atomic = 0xc0,
    }

    /// <summary>The immediate of a BPF_ATOMIC instruction.</summary>
    public enum AtomicOperation : int
    {
        /// <summary>lock *(ptr) += src</summary>
        Add = 0x00,
        /// <summary>lock *(ptr) |= src</summary>
        Or = 0x40,
        /// <summary>lock *(ptr) &amp;= src</summary>
        And = 0x50,
        /// <summary>lock *(ptr) ^= src</summary>
        Xor = 0xa0,
        /// <summary>src = atomic_fetch_add(ptr, src)</summary>
        FetchAdd = 0x01,
        /// <summary>src = atomic_fetch_or(ptr, src)</summary>
        FetchOr = 0x41,
        /// <summary>src = atomic_fetch_and(ptr, src)</summary>
        FetchAnd = 0x51,
        /// <summary>src = atomic_fetch_xor(ptr, src)</summary>
        FetchXor = 0xa1,
        /// <summary>src = xchg(ptr, src)</summary>
        Exchange = 0xe1,
        /// <summary>r0 = cmpxchg(ptr, r0, src)</summary>
        CompareExchange = 0xf1,
    }

    /// <summary>The src register field of LD_IMM64, naming what the 64-bit constant is.</summary>
    public enum PseudoSource : byte
    {
        /// <summary>A plain 64-bit constant.</summary>
        None = 0,
        /// <summary>BPF_PSEUDO_MAP_FD: imm is a map fd; the register gets the map pointer.</summary>
        MapFd = 1,
        /// <summary>BPF_PSEUDO_MAP_VALUE: map fd in imm, offset into its value in the second imm.</summary>
        MapValue = 2,
        /// <summary>BPF_PSEUDO_BTF_ID: a kernel variable by BTF id.</summary>
        BtfId = 3,
        /// <summary>BPF_PSEUDO_FUNC: address of a BPF function (imm is a relative offset).</summary>
        Function = 4,
        /// <summary>BPF_PSEUDO_MAP_IDX: imm indexes the fd_array given at load.</summary>
        MapIndex = 5,
        /// <summary>BPF_PSEUDO_MAP_IDX_VALUE: like MapValue through the fd_array.</summary>
        MapIndexValue = 6,
    }

    /// <summary>The src register field of a call instruction.</summary>
    public enum CallKind : byte
    {
        /// <summary>A kernel helper by number (imm).</summary>
        Helper = 0,
        /// <summary>BPF_PSEUDO_CALL: a BPF-to-BPF call, imm is the relative offset.</summary>
        Local = 1,
        /// <summary>BPF_PSEUDO_KFUNC_CALL: a kernel function by BTF id.</summary>
        Kfunc = 2,
    }
}

using CsCheck;
using Ebpf.Asm;

namespace Ebpf.Compiler.Tests.Asm
{
    /// <summary>CsCheck generators of valid (canonically encoded) instructions, built through <see cref="Emit"/>.</summary>
    internal static class InstructionGenerators
    {
        private static readonly AluOperation[] BinaryOperations =
        {
            AluOperation.Add, AluOperation.Sub, AluOperation.Mul, AluOperation.Div, AluOperation.Or, AluOperation.And,
            AluOperation.Lsh, AluOperation.Rsh, AluOperation.Mod, AluOperation.Xor, AluOperation.Mov, AluOperation.Arsh,
        };

        private static readonly JumpOperation[] Conditions =
        {
            JumpOperation.Jeq, JumpOperation.Jgt, JumpOperation.Jge, JumpOperation.Jset, JumpOperation.Jne, JumpOperation.Jsgt,
            JumpOperation.Jsge, JumpOperation.Jlt, JumpOperation.Jle, JumpOperation.Jslt, JumpOperation.Jsle,
        };

        private static readonly AtomicOperation[] AtomicOperations =
        {
            AtomicOperation.Add, AtomicOperation.Or, AtomicOperation.And, AtomicOperation.Xor, AtomicOperation.FetchAdd,
            AtomicOperation.FetchOr, AtomicOperation.FetchAnd, AtomicOperation.FetchXor, AtomicOperation.Exchange,
            AtomicOperation.CompareExchange,
        };

        private static readonly MemorySize[] Sizes = { MemorySize.Byte, MemorySize.Half, MemorySize.Word, MemorySize.DoubleWord };

        public static readonly Gen<Register> Reg = Gen.Int[0, 10].Select(i => (Register)i);

        public static readonly Gen<int> Imm = Gen.OneOf(Gen.Int, Gen.Int[-20, 20], Gen.OneOfConst(int.MinValue, int.MaxValue, -1, 0, 1));

        public static readonly Gen<short> Off = Gen.OneOf(Gen.Short, Gen.Short[-20, 20], Gen.OneOfConst(short.MinValue, short.MaxValue, (short)0));

        public static readonly Gen<long> Wide = Gen.OneOf(Gen.Long, Gen.Int.Select(i => (long)i), Gen.OneOfConst(long.MinValue, long.MaxValue, 0L, -1L, 0xffffffffL));

        private static readonly Gen<Instruction> Alu =
            from is64 in Gen.Bool
            from operation in Gen.OneOfConst(BinaryOperations)
            from byRegister in Gen.Bool
            from dst in Reg
            from src in Reg
            from imm in Imm
            select is64
                ? (byRegister ? Emit.Alu64(operation, dst, src) : Emit.Alu64(operation, dst, imm))
                : (byRegister ? Emit.Alu32(operation, dst, src) : Emit.Alu32(operation, dst, imm));

        private static readonly Gen<Instruction> AluSpecial =
            from kind in Gen.Int[0, 11]
            from dst in Reg
            from src in Reg
            from imm in Imm
            from space in Gen.UShort
            select kind switch
            {
                0 => Emit.SDiv64(dst, src),
                1 => Emit.SMod32(dst, imm),
                2 => Emit.Neg64(dst),
                3 => Emit.Neg32(dst),
                4 => Emit.MovSx64(dst, src, new[] { 8, 16, 32 }[(imm & 0x7fffffff) % 3]),
                5 => Emit.MovSx32(dst, src, (imm & 1) == 0 ? 8 : 16),
                6 => Emit.Be16(dst),
                7 => Emit.Le32(dst),
                8 => Emit.Bswap64(dst),
                9 => Emit.Bswap16(dst),
                10 => Emit.AddressSpaceCast(dst, src, space, (ushort)(space ^ 1)),
                _ => Emit.SMod64(dst, src),
            };

        private static readonly Gen<Instruction> Conditional =
            from is64 in Gen.Bool
            from condition in Gen.OneOfConst(Conditions)
            from byRegister in Gen.Bool
            from dst in Reg
            from src in Reg
            from imm in Imm
            from offset in Off
            select is64
                ? (byRegister ? Emit.Jump64(condition, dst, src, offset) : Emit.Jump64(condition, dst, imm, offset))
                : (byRegister ? Emit.Jump32(condition, dst, src, offset) : Emit.Jump32(condition, dst, imm, offset));

        private static readonly Gen<Instruction> Control =
            from kind in Gen.Int[0, 5]
            from offset in Off
            from imm in Imm
            from target in Reg
            select kind switch
            {
                0 => Emit.Goto(offset),
                1 => Emit.GotoLong(offset),
                2 => Emit.MayGoto(offset),
                3 => Emit.CallHelper(imm),
                4 => Emit.CallRegister(target),
                _ => Emit.Exit(),
            };

        private static readonly Gen<Instruction> Memory =
            from kind in Gen.Int[0, 3]
            from size in Gen.OneOfConst(Sizes)
            from dst in Reg
            from src in Reg
            from offset in Off
            from imm in Imm
            select kind switch
            {
                0 => Emit.Load(size, dst, src, offset),
                1 => Emit.LoadSignExtend(size == MemorySize.DoubleWord ? MemorySize.Word : size, dst, src, offset),
                2 => Emit.Store(size, dst, offset, src),
                _ => Emit.Store(size, dst, offset, imm),
            };

        private static readonly Gen<Instruction> Atomic =
            from wide in Gen.Bool
            from operation in Gen.OneOfConst(AtomicOperations)
            from dst in Reg
            from src in Reg
            from offset in Off
            select Emit.Atomic(wide ? MemorySize.DoubleWord : MemorySize.Word, operation, dst, offset, src);

        private static Gen<Instruction> Loads(bool llvmExpressible) =>
            from kind in Gen.Int[0, 3]
            from dst in Reg
            from constant in Wide
            from source in Gen.Int[1, 6]
            from size in Gen.OneOfConst(MemorySize.Byte, MemorySize.Half, MemorySize.Word)
            from src in Reg
            from imm in Imm
            select kind switch
            {
                0 => Emit.LoadImm64(dst, constant),
                1 => Emit.LoadPseudo(dst, (PseudoSource)source, llvmExpressible ? (uint)constant : constant),
                2 => Emit.LoadAbsolute(size, imm),
                _ => Emit.LoadIndirect(size, src, llvmExpressible ? 0 : imm),
            };

        private static readonly Gen<Instruction> PseudoCalls =
            from local in Gen.Bool
            from imm in Imm
            select local ? Emit.CallLocal(imm) : Emit.CallKfunc(imm);

        /// <summary>Every valid form, including those llvm's text cannot say (local and kfunc calls, LD_IND offsets, 64-bit pseudo constants).</summary>
        public static readonly Gen<Instruction> Any = Gen.OneOf(Alu, AluSpecial, Conditional, Control, Memory, Atomic, Loads(llvmExpressible: false), PseudoCalls);

        /// <summary>Forms whose text llvm-mc reads and llvm-objdump prints without loss.</summary>
        public static readonly Gen<Instruction> LlvmExpressible = Gen.OneOf(Alu, AluSpecial, Conditional, Control, Memory, Atomic, Loads(llvmExpressible: true));
    }
}

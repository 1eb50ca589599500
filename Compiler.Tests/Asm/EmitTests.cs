using System;
using System.Linq;
using System.Text;
using Ebpf.Asm;
using Xunit;

namespace Ebpf.Compiler.Tests.Asm
{
    /// <summary>Every builder against llvm-mc-19's encoding of the text it stands for.</summary>
    public sealed class EmitTests
    {
        private static readonly (Instruction Built, string Text)[] Table =
        {
                (Emit.Add64(Register.R0, Register.R1), "r0 += r1"),
                (Emit.Add64(Register.R1, -1), "r1 += -1"),
                (Emit.Add32(Register.R0, Register.R1), "w0 += w1"),
                (Emit.Add32(Register.R1, 0), "w1 += 0"),
                (Emit.Sub64(Register.R1, Register.R4), "r1 -= r4"),
                (Emit.Sub64(Register.R4, -2), "r4 -= -2"),
                (Emit.Sub32(Register.R1, Register.R4), "w1 -= w4"),
                (Emit.Sub32(Register.R4, 1000), "w4 -= 1000"),
                (Emit.Mul64(Register.R2, Register.R7), "r2 *= r7"),
                (Emit.Mul64(Register.R7, -3), "r7 *= -3"),
                (Emit.Mul32(Register.R2, Register.R7), "w2 *= w7"),
                (Emit.Mul32(Register.R7, 2000), "w7 *= 2000"),
                (Emit.Div64(Register.R3, Register.R10), "r3 /= r10"),
                (Emit.Div64(Register.R10, -4), "r10 /= -4"),
                (Emit.Div32(Register.R3, Register.R10), "w3 /= w10"),
                (Emit.Div32(Register.R10, 3000), "w10 /= 3000"),
                (Emit.Or64(Register.R4, Register.R2), "r4 |= r2"),
                (Emit.Or64(Register.R2, -5), "r2 |= -5"),
                (Emit.Or32(Register.R4, Register.R2), "w4 |= w2"),
                (Emit.Or32(Register.R2, 4000), "w2 |= 4000"),
                (Emit.And64(Register.R5, Register.R5), "r5 &= r5"),
                (Emit.And64(Register.R5, -6), "r5 &= -6"),
                (Emit.And32(Register.R5, Register.R5), "w5 &= w5"),
                (Emit.And32(Register.R5, 5000), "w5 &= 5000"),
                (Emit.Lsh64(Register.R6, Register.R8), "r6 <<= r8"),
                (Emit.Lsh64(Register.R8, -7), "r8 <<= -7"),
                (Emit.Lsh32(Register.R6, Register.R8), "w6 <<= w8"),
                (Emit.Lsh32(Register.R8, 6000), "w8 <<= 6000"),
                (Emit.Rsh64(Register.R7, Register.R0), "r7 >>= r0"),
                (Emit.Rsh64(Register.R0, -8), "r0 >>= -8"),
                (Emit.Rsh32(Register.R7, Register.R0), "w7 >>= w0"),
                (Emit.Rsh32(Register.R0, 7000), "w0 >>= 7000"),
                (Emit.Mod64(Register.R8, Register.R3), "r8 %= r3"),
                (Emit.Mod64(Register.R3, -9), "r3 %= -9"),
                (Emit.Mod32(Register.R8, Register.R3), "w8 %= w3"),
                (Emit.Mod32(Register.R3, 8000), "w3 %= 8000"),
                (Emit.Xor64(Register.R9, Register.R6), "r9 ^= r6"),
                (Emit.Xor64(Register.R6, -10), "r6 ^= -10"),
                (Emit.Xor32(Register.R9, Register.R6), "w9 ^= w6"),
                (Emit.Xor32(Register.R6, 9000), "w6 ^= 9000"),
                (Emit.Mov64(Register.R0, Register.R9), "r0 = r9"),
                (Emit.Mov64(Register.R9, -11), "r9 = -11"),
                (Emit.Mov32(Register.R0, Register.R9), "w0 = w9"),
                (Emit.Mov32(Register.R9, 10000), "w9 = 10000"),
                (Emit.Arsh64(Register.R1, Register.R1), "r1 s>>= r1"),
                (Emit.Arsh64(Register.R1, -12), "r1 s>>= -12"),
                (Emit.Arsh32(Register.R1, Register.R1), "w1 s>>= w1"),
                (Emit.Arsh32(Register.R1, 11000), "w1 s>>= 11000"),
                (Emit.SDiv64(Register.R2, Register.R4), "r2 s/= r4"),
                (Emit.SDiv64(Register.R4, -13), "r4 s/= -13"),
                (Emit.SDiv32(Register.R2, Register.R4), "w2 s/= w4"),
                (Emit.SDiv32(Register.R4, 12000), "w4 s/= 12000"),
                (Emit.SMod64(Register.R3, Register.R7), "r3 s%= r7"),
                (Emit.SMod64(Register.R7, -14), "r7 s%= -14"),
                (Emit.SMod32(Register.R3, Register.R7), "w3 s%= w7"),
                (Emit.SMod32(Register.R7, 13000), "w7 s%= 13000"),
                (Emit.Neg64(Register.R3), "r3 = -r3"),
                (Emit.Neg32(Register.R4), "w4 = -w4"),
                (Emit.MovSx64(Register.R1, Register.R2, 8), "r1 = (s8)r2"),
                (Emit.MovSx64(Register.R1, Register.R2, 16), "r1 = (s16)r2"),
                (Emit.MovSx64(Register.R1, Register.R2, 32), "r1 = (s32)r2"),
                (Emit.MovSx32(Register.R1, Register.R2, 8), "w1 = (s8)w2"),
                (Emit.MovSx32(Register.R1, Register.R2, 16), "w1 = (s16)w2"),
                (Emit.AddressSpaceCast(Register.R1, Register.R2, 1, 0), "r1 = addr_space_cast(r2, 1, 0)"),
                (Emit.Be16(Register.R5), "r5 = be16 r5"),
                (Emit.Be32(Register.R5), "r5 = be32 r5"),
                (Emit.Be64(Register.R5), "r5 = be64 r5"),
                (Emit.Le16(Register.R5), "r5 = le16 r5"),
                (Emit.Le32(Register.R5), "r5 = le32 r5"),
                (Emit.Le64(Register.R5), "r5 = le64 r5"),
                (Emit.Bswap16(Register.R5), "r5 = bswap16 r5"),
                (Emit.Bswap32(Register.R5), "r5 = bswap32 r5"),
                (Emit.Bswap64(Register.R5), "r5 = bswap64 r5"),
                (Emit.Jeq(Register.R1, Register.R2, 0), "if r1 == r2 goto +0"),
                (Emit.Jeq(Register.R3, -5, -1), "if r3 == -5 goto -1"),
                (Emit.Jeq32(Register.R4, Register.R5, 10), "if w4 == w5 goto +10"),
                (Emit.Jeq32(Register.R6, 0, -20), "if w6 == 0 goto -20"),
                (Emit.Jne(Register.R1, Register.R2, 1), "if r1 != r2 goto +1"),
                (Emit.Jne(Register.R3, -6, -2), "if r3 != -6 goto -2"),
                (Emit.Jne32(Register.R4, Register.R5, 11), "if w4 != w5 goto +11"),
                (Emit.Jne32(Register.R6, 7, -21), "if w6 != 7 goto -21"),
                (Emit.Jgt(Register.R1, Register.R2, 2), "if r1 > r2 goto +2"),
                (Emit.Jgt(Register.R3, -7, -3), "if r3 > -7 goto -3"),
                (Emit.Jgt32(Register.R4, Register.R5, 12), "if w4 > w5 goto +12"),
                (Emit.Jgt32(Register.R6, 14, -22), "if w6 > 14 goto -22"),
                (Emit.Jge(Register.R1, Register.R2, 3), "if r1 >= r2 goto +3"),
                (Emit.Jge(Register.R3, -8, -4), "if r3 >= -8 goto -4"),
                (Emit.Jge32(Register.R4, Register.R5, 13), "if w4 >= w5 goto +13"),
                (Emit.Jge32(Register.R6, 21, -23), "if w6 >= 21 goto -23"),
                (Emit.Jlt(Register.R1, Register.R2, 4), "if r1 < r2 goto +4"),
                (Emit.Jlt(Register.R3, -9, -5), "if r3 < -9 goto -5"),
                (Emit.Jlt32(Register.R4, Register.R5, 14), "if w4 < w5 goto +14"),
                (Emit.Jlt32(Register.R6, 28, -24), "if w6 < 28 goto -24"),
                (Emit.Jle(Register.R1, Register.R2, 5), "if r1 <= r2 goto +5"),
                (Emit.Jle(Register.R3, -10, -6), "if r3 <= -10 goto -6"),
                (Emit.Jle32(Register.R4, Register.R5, 15), "if w4 <= w5 goto +15"),
                (Emit.Jle32(Register.R6, 35, -25), "if w6 <= 35 goto -25"),
                (Emit.Jsgt(Register.R1, Register.R2, 6), "if r1 s> r2 goto +6"),
                (Emit.Jsgt(Register.R3, -11, -7), "if r3 s> -11 goto -7"),
                (Emit.Jsgt32(Register.R4, Register.R5, 16), "if w4 s> w5 goto +16"),
                (Emit.Jsgt32(Register.R6, 42, -26), "if w6 s> 42 goto -26"),
                (Emit.Jsge(Register.R1, Register.R2, 7), "if r1 s>= r2 goto +7"),
                (Emit.Jsge(Register.R3, -12, -8), "if r3 s>= -12 goto -8"),
                (Emit.Jsge32(Register.R4, Register.R5, 17), "if w4 s>= w5 goto +17"),
                (Emit.Jsge32(Register.R6, 49, -27), "if w6 s>= 49 goto -27"),
                (Emit.Jslt(Register.R1, Register.R2, 8), "if r1 s< r2 goto +8"),
                (Emit.Jslt(Register.R3, -13, -9), "if r3 s< -13 goto -9"),
                (Emit.Jslt32(Register.R4, Register.R5, 18), "if w4 s< w5 goto +18"),
                (Emit.Jslt32(Register.R6, 56, -28), "if w6 s< 56 goto -28"),
                (Emit.Jsle(Register.R1, Register.R2, 9), "if r1 s<= r2 goto +9"),
                (Emit.Jsle(Register.R3, -14, -10), "if r3 s<= -14 goto -10"),
                (Emit.Jsle32(Register.R4, Register.R5, 19), "if w4 s<= w5 goto +19"),
                (Emit.Jsle32(Register.R6, 63, -29), "if w6 s<= 63 goto -29"),
                (Emit.Jset(Register.R1, Register.R2, 10), "if r1 & r2 goto +10"),
                (Emit.Jset(Register.R3, -15, -11), "if r3 & -15 goto -11"),
                (Emit.Jset32(Register.R4, Register.R5, 20), "if w4 & w5 goto +20"),
                (Emit.Jset32(Register.R6, 70, -30), "if w6 & 70 goto -30"),
                (Emit.Goto(-3), "goto -3"),
                (Emit.GotoLong(1000), "gotol +1000"),
                (Emit.MayGoto(4), "may_goto +4"),
                (Emit.CallHelper(12), "call 12"),
                (Emit.CallRegister(Register.R3), "callx r3"),
                (Emit.Exit(), "exit"),
                (Emit.Load8(Register.R1, Register.R2, -8), "r1 = *(u8 *)(r2 - 8)"),
                (Emit.Store8(Register.R10, -8, Register.R3), "*(u8 *)(r10 - 8) = r3"),
                (Emit.Store8(Register.R10, -8, -2), "*(u8 *)(r10 - 8) = -2"),
                (Emit.Load16(Register.R1, Register.R2, -4), "r1 = *(u16 *)(r2 - 4)"),
                (Emit.Store16(Register.R10, -16, Register.R3), "*(u16 *)(r10 - 16) = r3"),
                (Emit.Store16(Register.R10, -16, -1), "*(u16 *)(r10 - 16) = -1"),
                (Emit.Load32(Register.R1, Register.R2, 0), "r1 = *(u32 *)(r2 + 0)"),
                (Emit.Store32(Register.R10, -24, Register.R3), "*(u32 *)(r10 - 24) = r3"),
                (Emit.Store32(Register.R10, -24, 0), "*(u32 *)(r10 - 24) = 0"),
                (Emit.Load64(Register.R1, Register.R2, 4), "r1 = *(u64 *)(r2 + 4)"),
                (Emit.Store64(Register.R10, -32, Register.R3), "*(u64 *)(r10 - 32) = r3"),
                (Emit.Store64(Register.R10, -32, 1), "*(u64 *)(r10 - 32) = 1"),
                (Emit.LoadSx8(Register.R4, Register.R5, 6), "r4 = *(s8 *)(r5 + 6)"),
                (Emit.LoadSx16(Register.R4, Register.R5, 6), "r4 = *(s16 *)(r5 + 6)"),
                (Emit.LoadSx32(Register.R4, Register.R5, 6), "r4 = *(s32 *)(r5 + 6)"),
                (Emit.AtomicAdd64(Register.R1, 8, Register.R2), "lock *(u64 *)(r1 + 8) += r2"),
                (Emit.AtomicOr64(Register.R1, 8, Register.R2), "lock *(u64 *)(r1 + 8) |= r2"),
                (Emit.AtomicAnd64(Register.R1, 8, Register.R2), "lock *(u64 *)(r1 + 8) &= r2"),
                (Emit.AtomicXor64(Register.R1, 8, Register.R2), "lock *(u64 *)(r1 + 8) ^= r2"),
                (Emit.AtomicFetchAdd64(Register.R1, 8, Register.R2), "r2 = atomic_fetch_add((u64 *)(r1 + 8), r2)"),
                (Emit.AtomicFetchOr64(Register.R1, 8, Register.R2), "r2 = atomic_fetch_or((u64 *)(r1 + 8), r2)"),
                (Emit.AtomicFetchAnd64(Register.R1, 8, Register.R2), "r2 = atomic_fetch_and((u64 *)(r1 + 8), r2)"),
                (Emit.AtomicFetchXor64(Register.R1, 8, Register.R2), "r2 = atomic_fetch_xor((u64 *)(r1 + 8), r2)"),
                (Emit.AtomicExchange64(Register.R1, 8, Register.R2), "r2 = xchg_64(r1 + 8, r2)"),
                (Emit.AtomicCompareExchange64(Register.R1, 8, Register.R2), "r0 = cmpxchg_64(r1 + 8, r0, r2)"),
                (Emit.AtomicAdd32(Register.R1, 8, Register.R2), "lock *(u32 *)(r1 + 8) += w2"),
                (Emit.AtomicOr32(Register.R1, 8, Register.R2), "lock *(u32 *)(r1 + 8) |= w2"),
                (Emit.AtomicAnd32(Register.R1, 8, Register.R2), "lock *(u32 *)(r1 + 8) &= w2"),
                (Emit.AtomicXor32(Register.R1, 8, Register.R2), "lock *(u32 *)(r1 + 8) ^= w2"),
                (Emit.AtomicFetchAdd32(Register.R1, 8, Register.R2), "w2 = atomic_fetch_add((u32 *)(r1 + 8), w2)"),
                (Emit.AtomicFetchOr32(Register.R1, 8, Register.R2), "w2 = atomic_fetch_or((u32 *)(r1 + 8), w2)"),
                (Emit.AtomicFetchAnd32(Register.R1, 8, Register.R2), "w2 = atomic_fetch_and((u32 *)(r1 + 8), w2)"),
                (Emit.AtomicFetchXor32(Register.R1, 8, Register.R2), "w2 = atomic_fetch_xor((u32 *)(r1 + 8), w2)"),
                (Emit.AtomicExchange32(Register.R1, 8, Register.R2), "w2 = xchg32_32(r1 + 8, w2)"),
                (Emit.AtomicCompareExchange32(Register.R1, 8, Register.R2), "w0 = cmpxchg32_32(r1 + 8, w0, w2)"),
                (Emit.LoadImm64(Register.R1, 0x123456789abcdef0), "r1 = 0x123456789abcdef0 ll"),
                (Emit.LoadImm64(Register.R2, -1), "r2 = -1 ll"),
                (Emit.LoadMapFd(Register.R1, 7), "ld_pseudo r1, 1, 7"),
                (Emit.LoadMapValue(Register.R1, 7, 0), "ld_pseudo r1, 2, 7"),
                (Emit.LoadBtfId(Register.R1, 99), "ld_pseudo r1, 3, 99"),
                (Emit.LoadFunction(Register.R1, 5), "ld_pseudo r1, 4, 5"),
                (Emit.LoadMapIndex(Register.R1, 2), "ld_pseudo r1, 5, 2"),
                (Emit.LoadMapIndexValue(Register.R1, 2, 0), "ld_pseudo r1, 6, 2"),
                (Emit.LoadPseudo(Register.R9, PseudoSource.MapFd, 3), "ld_pseudo r9, 1, 3"),
                (Emit.LoadAbsolute(MemorySize.Byte, 23), "r0 = *(u8 *)skb[23]"),
                (Emit.LoadAbsolute(MemorySize.Half, 12), "r0 = *(u16 *)skb[12]"),
                (Emit.LoadAbsolute(MemorySize.Word, 26), "r0 = *(u32 *)skb[26]"),
                (Emit.LoadIndirect(MemorySize.Byte, Register.R1), "r0 = *(u8 *)skb[r1]"),
                (Emit.LoadIndirect(MemorySize.Half, Register.R7), "r0 = *(u16 *)skb[r7]"),
                (Emit.LoadIndirect(MemorySize.Word, Register.R2), "r0 = *(u32 *)skb[r2]")
        };

        [Fact]
        public void Builders_encode_what_llvm_mc_encodes()
        {
            byte[] expected = LlvmTools.AssembleText(string.Join("\n", Table.Select(row => row.Text)) + "\n");
            var failures = new StringBuilder();
            int position = 0;
            foreach (var (built, text) in Table)
            {
                var actual = new byte[built.Slots * Instruction.SlotSize];
                built.Encode(actual);
                byte[] theirs = expected.AsSpan(position, Math.Min(actual.Length, expected.Length - position)).ToArray();
                if (!actual.AsSpan().SequenceEqual(theirs))
                {
                    failures.AppendLine($"{text}: ours {Convert.ToHexString(actual)}, llvm-mc {Convert.ToHexString(theirs)}");
                }

                position += actual.Length;
            }

            Assert.True(failures.Length == 0, failures.ToString());
            Assert.Equal(expected.Length, position);
        }

        [Fact]
        public void Builders_disassemble_to_the_text_they_stand_for()
        {
            var alu32 = new DisassemblyOptions { SubRegisterMemoryOperands = true };
            foreach (var (built, text) in Table)
            {
                string expected = LlvmTools.Normalize(text).Replace("0x123456789abcdef0", "1311768467463790320", StringComparison.Ordinal);

                // The table spells narrow loads and stores with r registers, 32-bit atomics with w registers.
                string actual = text.Contains("(u32 *)(r1 + 8)", StringComparison.Ordinal) ? Disassembler.Format(built, alu32) : Disassembler.Format(built);
                Assert.Equal(expected, actual);
            }
        }

        [Fact]
        public void Builders_reject_widths_the_isa_lacks()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => Emit.MovSx64(Register.R1, Register.R2, 64));
            Assert.Throws<ArgumentOutOfRangeException>(() => Emit.MovSx32(Register.R1, Register.R2, 32));
        }

        [Fact]
        public void Wide_pseudo_loads_keep_the_second_immediate()
        {
            Instruction load = Emit.LoadMapValue(Register.R1, 3, 16);
            Assert.Equal(PseudoSource.MapValue, load.PseudoSource);
            Assert.Equal(3, load.Immediate);
            Assert.Equal(16, (int)(load.Constant >> 32));
            Assert.Equal(2, load.Slots);
        }
    }
}

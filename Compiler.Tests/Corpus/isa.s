# Encoding corpus: every eBPF instruction form llvm-mc-19 (-triple bpfel -mcpu=v4) accepts.
# Compiler.Tests/AssemblerCorpusTests assembles this with our assembler and with llvm-mc and compares bytes,
# then compares our disassembly with llvm-objdump-19. Comments use '#' because llvm-mc reads ';' as a separator.
entry:
# ALU64, register operand
r0 += r1
r1 -= r4
r2 *= r7
r3 /= r10
r4 %= r2
r5 |= r5
r6 &= r8
r7 ^= r0
r8 <<= r3
r9 >>= r6
r0 s>>= r9
r1 s/= r1
r2 s%= r4
# ALU64, immediate operand
r4 += 0
r5 -= 1
r6 *= -1
r7 /= 0x7fffffff
r8 %= -2147483648
r9 |= 0xffffffff
r10 &= 12345
r0 ^= 0
r1 <<= 1
r2 >>= -1
r3 s>>= 0x7fffffff
r4 s/= -2147483648
r5 s%= 0xffffffff
# ALU32, register operand
w2 += w3
w3 -= w8
w4 *= w2
w5 /= w7
w6 %= w1
w7 |= w6
w8 &= w0
w9 ^= w5
w10 <<= w10
w0 >>= w4
w1 s>>= w9
w2 s/= w3
w3 s%= w8
# ALU32, immediate operand
w7 += 0x7fffffff
w8 -= -2147483648
w9 *= 0xffffffff
w10 /= 12345
w0 %= 0
w1 |= 1
w2 &= -1
w3 ^= 0x7fffffff
w4 <<= -2147483648
w5 >>= 0xffffffff
w6 s>>= 12345
w7 s/= 0
w8 s%= 1
# shifts by large counts and every register
r0 <<= 0
r1 <<= 6
r2 <<= 12
r3 <<= 18
r4 <<= 24
r5 <<= 30
r6 <<= 36
r7 <<= 42
r8 <<= 48
r9 <<= 54
r10 <<= 60
# negation, moves
r1 = -r1
w2 = -w2
r10 = -r10
r0 = r10
r1 = r9
r2 = r8
r3 = r7
r4 = r6
r5 = r5
r6 = r4
r7 = r3
r8 = r2
r9 = r1
r10 = r0
w0 = w3
w1 = w4
w2 = w5
w3 = w6
w4 = w7
w5 = w8
w6 = w9
w7 = w10
w8 = w0
w9 = w1
w10 = w2
r3 = 0
r3 = 1
r3 = -1
r3 = 0x7fffffff
r3 = -2147483648
r3 = 0xffffffff
r3 = 12345
w4 = 0
w4 = 1
w4 = -1
w4 = 0x7fffffff
w4 = -2147483648
w4 = 0xffffffff
w4 = 12345
# sign-extending moves (cpu v4)
r1 = (s8)r2
r9 = (s8)r0
r1 = (s16)r2
r9 = (s16)r0
r1 = (s32)r2
r9 = (s32)r0
w3 = (s8)w4
w0 = (s8)w10
w3 = (s16)w4
w0 = (s16)w10
# byte order
r1 = be16 r1
r7 = le16 r7
r0 = bswap16 r0
r1 = be32 r1
r7 = le32 r7
r0 = bswap32 r0
r1 = be64 r1
r7 = le64 r7
r0 = bswap64 r0
# address space casts (arena)
r1 = addr_space_cast(r2, 0, 1)
r3 = addr_space_cast(r3, 1, 0)
# JMP, register compares, forward and backward offsets
if r0 == r5 goto +0
if r1 != r6 goto +1
if r2 > r7 goto -1
if r3 >= r8 goto +32767
if r4 < r9 goto -32768
if r5 <= r10 goto +5
if r6 & r0 goto -7
if r7 s> r1 goto +100
if r8 s>= r2 goto -100
if r9 s< r3 goto +2
if r10 s<= r4 goto -3
# JMP, immediate compares
if r1 == 0 goto +0
if r2 != 1 goto +1
if r3 > -1 goto +2
if r4 >= 0x7fffffff goto +3
if r5 < -2147483648 goto +4
if r6 <= 0xffffffff goto +5
if r7 & 12345 goto +6
if r8 s> 0 goto +7
if r9 s>= 1 goto +8
if r10 s< -1 goto +9
if r0 s<= 0x7fffffff goto +10
# JMP32, register compares
if w2 == w7 goto -1
if w3 != w8 goto -2
if w4 > w9 goto -3
if w5 >= w10 goto -4
if w6 < w0 goto -5
if w7 <= w1 goto -6
if w8 & w2 goto -7
if w9 s> w3 goto -8
if w10 s>= w4 goto -9
if w0 s< w5 goto -10
if w1 s<= w6 goto -11
# JMP32, immediate compares
if w3 == -1 goto +0
if w4 != 0x7fffffff goto +3
if w5 > -2147483648 goto +6
if w6 >= 0xffffffff goto +9
if w7 < 12345 goto +12
if w8 <= 0 goto +15
if w9 & 1 goto +18
if w10 s> -1 goto +21
if w0 s>= 0x7fffffff goto +24
if w1 s< -2147483648 goto +27
if w2 s<= 0xffffffff goto +30
# jumps to labels
back:
if r1 == r2 goto ahead
if w3 == 7 goto back
if r1 != r2 goto back
if w3 != 7 goto ahead
if r1 > r2 goto ahead
if w3 > 7 goto back
if r1 >= r2 goto back
if w3 >= 7 goto ahead
if r1 < r2 goto ahead
if w3 < 7 goto back
if r1 <= r2 goto back
if w3 <= 7 goto ahead
if r1 & r2 goto ahead
if w3 & 7 goto back
if r1 s> r2 goto back
if w3 s> 7 goto ahead
if r1 s>= r2 goto ahead
if w3 s>= 7 goto back
if r1 s< r2 goto back
if w3 s< 7 goto ahead
if r1 s<= r2 goto ahead
if w3 s<= 7 goto back
goto back
goto ahead
gotol back
gotol ahead
ahead:
# unconditional jumps
goto +0
goto +1
goto -1
goto +32767
goto -32768
gotol +0
gotol +1
gotol -1
gotol +1000
gotol -32768
may_goto +0
may_goto +3
may_goto -5
may_goto ahead
# calls
call 1
call 2
call 12
call 25
call 51
call 2147483647
call callee
call entry
callx r1
callx r5
exit
# loads, all sizes
r0 = *(u8 *)(r1 + 0)
r1 = *(u8 *)(r2 + 1)
r2 = *(u8 *)(r3 - 4)
r1 = *(u16 *)(r3 + 1)
r2 = *(u16 *)(r4 - 4)
r3 = *(u16 *)(r5 + 32767)
r2 = *(u32 *)(r5 - 4)
r3 = *(u32 *)(r6 + 32767)
r4 = *(u32 *)(r7 - 32768)
r3 = *(u64 *)(r7 + 32767)
r4 = *(u64 *)(r8 - 32768)
r5 = *(u64 *)(r9 - 8)
# loads into 32-bit halves (the alu32 spelling, same bytes)
w1 = *(u8 *)(r2 + 8)
w1 = *(u16 *)(r2 + 8)
w1 = *(u32 *)(r2 + 8)
# sign-extending loads (cpu v4)
r3 = *(s8 *)(r0 + 0)
r4 = *(s8 *)(r1 - 4)
r5 = *(s8 *)(r2 - 32768)
r4 = *(s16 *)(r1 + 1)
r5 = *(s16 *)(r2 + 32767)
r6 = *(s16 *)(r3 - 8)
r5 = *(s32 *)(r2 - 4)
r6 = *(s32 *)(r3 - 32768)
r7 = *(s32 *)(r4 + 16)
# stores of registers
*(u8 *)(r1 - 4) = r0
*(u8 *)(r2 + 32767) = r1
*(u8 *)(r3 - 32768) = r2
*(u16 *)(r2 + 32767) = r3
*(u16 *)(r3 - 32768) = r4
*(u16 *)(r4 - 8) = r5
*(u32 *)(r3 - 32768) = r6
*(u32 *)(r4 - 8) = r7
*(u32 *)(r5 + 16) = r8
*(u64 *)(r4 - 8) = r9
*(u64 *)(r5 + 16) = r10
*(u64 *)(r6 + 0) = r0
*(u8 *)(r10 - 16) = w3
*(u16 *)(r10 - 16) = w3
*(u32 *)(r10 - 16) = w3
# stores of immediates
*(u8 *)(r10 + 0) = 0
*(u8 *)(r10 + 1) = 1
*(u8 *)(r10 - 4) = -1
*(u16 *)(r10 + 1) = 0x7fffffff
*(u16 *)(r10 - 4) = -2147483648
*(u16 *)(r10 + 32767) = 0xffffffff
*(u32 *)(r10 - 4) = 12345
*(u32 *)(r10 + 32767) = 0
*(u32 *)(r10 - 32768) = 1
*(u64 *)(r10 + 32767) = -1
*(u64 *)(r10 - 32768) = 0x7fffffff
*(u64 *)(r10 - 8) = -2147483648
# atomics, 64 bit
lock *(u64 *)(r1 + 0) += r2
lock *(u64 *)(r10 - 8) += r9
lock *(u64 *)(r1 + 0) |= r2
lock *(u64 *)(r10 - 8) |= r9
lock *(u64 *)(r1 + 0) &= r2
lock *(u64 *)(r10 - 8) &= r9
lock *(u64 *)(r1 + 0) ^= r2
lock *(u64 *)(r10 - 8) ^= r9
r2 = atomic_fetch_add((u64 *)(r1 + 8), r2)
r0 = atomic_fetch_add((u64 *)(r6 - 16), r0)
r2 = atomic_fetch_or((u64 *)(r1 + 8), r2)
r0 = atomic_fetch_or((u64 *)(r6 - 16), r0)
r2 = atomic_fetch_and((u64 *)(r1 + 8), r2)
r0 = atomic_fetch_and((u64 *)(r6 - 16), r0)
r2 = atomic_fetch_xor((u64 *)(r1 + 8), r2)
r0 = atomic_fetch_xor((u64 *)(r6 - 16), r0)
r2 = xchg_64(r1 + 0, r2)
r7 = xchg_64(r10 - 8, r7)
r0 = cmpxchg_64(r1 + 0, r0, r2)
r0 = cmpxchg_64(r10 - 24, r0, r9)
# atomics, 32 bit
lock *(u32 *)(r1 + 4) += w2
lock *(u32 *)(r10 - 4) += w9
lock *(u32 *)(r1 + 4) |= w2
lock *(u32 *)(r10 - 4) |= w9
lock *(u32 *)(r1 + 4) &= w2
lock *(u32 *)(r10 - 4) &= w9
lock *(u32 *)(r1 + 4) ^= w2
lock *(u32 *)(r10 - 4) ^= w9
w2 = atomic_fetch_add((u32 *)(r1 + 8), w2)
w0 = atomic_fetch_add((u32 *)(r6 - 12), w0)
w2 = atomic_fetch_or((u32 *)(r1 + 8), w2)
w0 = atomic_fetch_or((u32 *)(r6 - 12), w0)
w2 = atomic_fetch_and((u32 *)(r1 + 8), w2)
w0 = atomic_fetch_and((u32 *)(r6 - 12), w0)
w2 = atomic_fetch_xor((u32 *)(r1 + 8), w2)
w0 = atomic_fetch_xor((u32 *)(r6 - 12), w0)
w2 = xchg32_32(r1 + 0, w2)
w7 = xchg32_32(r10 - 8, w7)
w0 = cmpxchg32_32(r1 + 0, w0, w2)
w0 = cmpxchg32_32(r10 - 24, w0, w9)
# 64-bit immediates
r5 = 0 ll
r5 = 1 ll
r5 = -1 ll
r5 = 0x7fffffff ll
r5 = 0x80000000 ll
r5 = 0xffffffff ll
r5 = 0x100000000 ll
r5 = 0x123456789abcdef0 ll
r5 = -9223372036854775808 ll
r5 = 0x7fffffffffffffff ll
r5 = 18446744073709551615 ll
r5 = -4294967296 ll
r0 = 42 ll
r10 = -2 ll
# LD_IMM64 with pseudo sources (high 32 bits zero: llvm-mc keeps only the low half)
ld_pseudo r1, 1, 3
ld_pseudo r3, 1, 0xffffffff
ld_pseudo r1, 2, 6
ld_pseudo r4, 2, 0xffffffff
ld_pseudo r1, 3, 9
ld_pseudo r5, 3, 0xffffffff
ld_pseudo r1, 4, 12
ld_pseudo r6, 4, 0xffffffff
ld_pseudo r1, 5, 15
ld_pseudo r7, 5, 0xffffffff
ld_pseudo r1, 6, 18
ld_pseudo r8, 6, 0xffffffff
# legacy packet loads
r0 = *(u8 *)skb[0]
r0 = *(u8 *)skb[14]
r0 = *(u8 *)skb[-1]
r0 = *(u8 *)skb[r1]
r0 = *(u8 *)skb[r7]
r0 = *(u16 *)skb[0]
r0 = *(u16 *)skb[14]
r0 = *(u16 *)skb[-1]
r0 = *(u16 *)skb[r1]
r0 = *(u16 *)skb[r7]
r0 = *(u32 *)skb[0]
r0 = *(u32 *)skb[14]
r0 = *(u32 *)skb[-1]
r0 = *(u32 *)skb[r1]
r0 = *(u32 *)skb[r7]
# a local function
callee:
r0 = 0
exit

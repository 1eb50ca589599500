namespace Ebpf.Asm
{
    internal sealed partial class StatementParser
    {
        /// <summary>After <c>dst = *</c>: <c>(u32 *)(r1 + 4)</c>, <c>(s8 *)(r1 + 4)</c> or <c>(u8 *)skb[…]</c>.</summary>
        private ParsedStatement ParseLoad(Operand dst)
        {
            var (size, signed, sizeToken) = ParseSizeCast();
            if (Peek.IsWord("skb"))
            {
                Next();
                return ParsePacketLoad(dst, size, signed, sizeToken);
            }

            var (source, offset) = ParseAddress();
            if (signed)
            {
                RequireWide(dst, "a sign-extending load");
                return new ParsedStatement(Emit.LoadSignExtend(size, dst.Register, source, offset));
            }

            if (size == MemorySize.DoubleWord)
            {
                RequireWide(dst, "an 8-byte load");
            }

            return new ParsedStatement(Emit.Load(size, dst.Register, source, offset));
        }

        private ParsedStatement ParsePacketLoad(Operand dst, MemorySize size, bool signed, AsmToken sizeToken)
        {
            if (!dst.Wide || dst.Register != Register.R0)
            {
                throw Error(dst.Token, "a packet load (skb[...]) always writes r0");
            }

            if (signed || size == MemorySize.DoubleWord)
            {
                throw Error(sizeToken, "a packet load reads u8, u16 or u32");
            }

            Expect("[");
            Instruction load;
            if (IsRegisterLike(Peek))
            {
                Operand index = ExpectRegister(wide: true);
                int imm = Peek.Is("+") || Peek.Is("-") ? ParseImmediate32() : 0;
                load = Emit.LoadIndirect(size, index.Register, imm);
            }
            else
            {
                load = Emit.LoadAbsolute(size, ParseImmediate32());
            }

            Expect("]");
            return new ParsedStatement(load);
        }

        /// <summary><c>*(u32 *)(r10 - 4) = r1</c> or <c>= 5</c>.</summary>
        private ParsedStatement ParseStore()
        {
            Expect("*");
            var (size, signed, sizeToken) = ParseSizeCast();
            if (signed)
            {
                throw Error(sizeToken, "stores take u8, u16, u32 or u64");
            }

            var (target, offset) = ParseAddress();
            Expect("=");
            if (IsRegisterLike(Peek))
            {
                Operand src = ExpectRegister(size == MemorySize.DoubleWord ? true : null);
                return new ParsedStatement(Emit.Store(size, target, offset, src.Register));
            }

            return new ParsedStatement(Emit.Store(size, target, offset, ParseImmediate32()));
        }

        /// <summary><c>lock *(u64 *)(r1 + 0) += r2</c> and <c>|=</c>, <c>&amp;=</c>, <c>^=</c>.</summary>
        private ParsedStatement ParseLock()
        {
            Expect("*");
            var (size, _, sizeToken) = ParseSizeCast();
            bool wide = RequireAtomicSize(size, sizeToken);
            var (target, offset) = ParseAddress();
            AsmToken op = Next();
            AtomicOperation operation = op.Text switch
            {
                "+=" => AtomicOperation.Add,
                "|=" => AtomicOperation.Or,
                "&=" => AtomicOperation.And,
                "^=" => AtomicOperation.Xor,
                _ => throw Error(op, "expected +=, |=, &= or ^=, found " + op.Describe()),
            };

            // llvm-objdump spells the 32-bit lock add with an r register unless told --mcpu=v3; both mean the same.
            Operand src = ExpectRegister(wide ? true : operation == AtomicOperation.Add ? null : false);
            return new ParsedStatement(Emit.Atomic(size, operation, target, offset, src.Register));
        }

        private bool RequireAtomicSize(MemorySize size, AsmToken sizeToken)
        {
            if (size != MemorySize.Word && size != MemorySize.DoubleWord || sizeToken.Text.StartsWith("s", System.StringComparison.OrdinalIgnoreCase))
            {
                throw Error(sizeToken, "atomics take u32 or u64");
            }

            return size == MemorySize.DoubleWord;
        }

        /// <summary><c>r0 = atomic_fetch_add((u64 *)(r1 + 0), r0)</c> and friends; both registers are the same.</summary>
        private ParsedStatement ParseAtomicFetch(Operand dst, string word)
        {
            Next();
            Expect("(");
            var (size, _, sizeToken) = ParseSizeCast();
            bool wide = RequireAtomicSize(size, sizeToken);
            if (wide != dst.Wide)
            {
                throw Error(dst.Token, wide ? "a u64 atomic needs r registers" : "a u32 atomic needs w registers");
            }

            var (target, offset) = ParseAddress();
            Expect(",");
            ExpectSame(dst, ExpectRegister(wide));
            Expect(")");
            AtomicOperation operation = word switch
            {
                "atomic_fetch_add" => AtomicOperation.FetchAdd,
                "atomic_fetch_or" => AtomicOperation.FetchOr,
                "atomic_fetch_and" => AtomicOperation.FetchAnd,
                _ => AtomicOperation.FetchXor,
            };
            return new ParsedStatement(Emit.Atomic(size, operation, target, offset, dst.Register));
        }

        /// <summary><c>r1 = xchg_64(r2 + 0, r1)</c>, <c>w1 = xchg32_32(…)</c>, <c>r0 = cmpxchg_64(r2 + 0, r0, r3)</c>, <c>w0 = cmpxchg32_32(…)</c>.</summary>
        private ParsedStatement ParseExchange(Operand dst, string word)
        {
            AsmToken name = Next();
            bool wide = word == "xchg_64" || word == "cmpxchg_64";
            if (wide != dst.Wide)
            {
                throw Error(dst.Token, wide ? word + " needs r registers" : word + " needs w registers");
            }

            MemorySize size = wide ? MemorySize.DoubleWord : MemorySize.Word;
            Expect("(");
            var (target, offset) = ParseAddressBody();
            Expect(",");
            if (word.StartsWith("cmpxchg", System.StringComparison.Ordinal))
            {
                if (dst.Register != Register.R0)
                {
                    throw Error(dst.Token, "cmpxchg always writes " + (wide ? "r0" : "w0"));
                }

                Operand expected = ExpectRegister(wide);
                if (expected.Register != Register.R0)
                {
                    throw Error(expected.Token, "cmpxchg always compares with " + (wide ? "r0" : "w0"));
                }

                Expect(",");
                Operand replacement = ExpectRegister(wide);
                Expect(")");
                return new ParsedStatement(Emit.Atomic(size, AtomicOperation.CompareExchange, target, offset, replacement.Register));
            }

            ExpectSame(dst, ExpectRegister(wide));
            Expect(")");
            return new ParsedStatement(Emit.Atomic(size, AtomicOperation.Exchange, target, offset, dst.Register));
        }
    }
}

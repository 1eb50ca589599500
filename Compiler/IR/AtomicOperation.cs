namespace Ebpf.Compiler.IR
{
    /// <summary>The read-modify-write an <see cref="AtomicInstruction"/> performs.</summary>
    public enum AtomicOperation
    {
        /// <summary><c>*p += v</c> (BPF_ADD).</summary>
        Add,

        /// <summary><c>*p |= v</c> (BPF_OR).</summary>
        Or,

        /// <summary><c>*p &amp;= v</c> (BPF_AND).</summary>
        And,

        /// <summary><c>*p ^= v</c> (BPF_XOR).</summary>
        Xor,

        /// <summary><c>old = *p; *p = v</c> (BPF_XCHG); always fetches.</summary>
        Exchange,

        /// <summary><c>old = *p; if (old == cmp) *p = v</c> (BPF_CMPXCHG); always fetches.</summary>
        CompareExchange,
    }
}

namespace Ebpf.Compiler.IR
{
    /// <summary>A compare, with its signedness; maps one to one to the kernel's conditional jumps.</summary>
    public enum Condition : byte
    {
        /// <summary>a == b (BPF_JEQ).</summary>
        Equal,
        /// <summary>a != b (BPF_JNE).</summary>
        NotEqual,
        /// <summary>Unsigned a &lt; b (BPF_JLT).</summary>
        UnsignedLess,
        /// <summary>Unsigned a &lt;= b (BPF_JLE).</summary>
        UnsignedLessOrEqual,
        /// <summary>Unsigned a &gt; b (BPF_JGT).</summary>
        UnsignedGreater,
        /// <summary>Unsigned a &gt;= b (BPF_JGE).</summary>
        UnsignedGreaterOrEqual,
        /// <summary>Signed a &lt; b (BPF_JSLT).</summary>
        SignedLess,
        /// <summary>Signed a &lt;= b (BPF_JSLE).</summary>
        SignedLessOrEqual,
        /// <summary>Signed a &gt; b (BPF_JSGT).</summary>
        SignedGreater,
        /// <summary>Signed a &gt;= b (BPF_JSGE).</summary>
        SignedGreaterOrEqual,
        /// <summary>(a &amp; b) != 0 (BPF_JSET).</summary>
        AnyBitsSet,
    }
}

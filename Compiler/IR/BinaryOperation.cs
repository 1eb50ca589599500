namespace Ebpf.Compiler.IR
{
    /// <summary>
    /// Two-operand arithmetic on 32- or 64-bit scalars (and <see cref="Add"/>/<see cref="Subtract"/> of a scalar to a pointer).
    /// Results wrap around. Division semantics are the kernel's, not C#'s: x / 0 = 0, x % 0 = x, and signed
    /// MIN / -1 = MIN, MIN % -1 = 0 (C# would throw; the DSL defines them as the kernel computes them).
    /// Shift counts are masked to width − 1, as C# and the kernel's interpreter do.
    /// </summary>
    public enum BinaryOperation : byte
    {
        /// <summary>a + b (BPF_ADD).</summary>
        Add,
        /// <summary>a − b (BPF_SUB).</summary>
        Subtract,
        /// <summary>a × b (BPF_MUL).</summary>
        Multiply,
        /// <summary>Unsigned a / b (BPF_DIV).</summary>
        DivideUnsigned,
        /// <summary>Signed a / b (BPF_SDIV, cpu v4, kernel 6.6).</summary>
        DivideSigned,
        /// <summary>Unsigned a % b (BPF_MOD).</summary>
        RemainderUnsigned,
        /// <summary>Signed a % b (BPF_SMOD, cpu v4, kernel 6.6).</summary>
        RemainderSigned,
        /// <summary>a &amp; b.</summary>
        And,
        /// <summary>a | b.</summary>
        Or,
        /// <summary>a ^ b.</summary>
        Xor,
        /// <summary>a &lt;&lt; b.</summary>
        ShiftLeft,
        /// <summary>Logical a &gt;&gt; b (BPF_RSH).</summary>
        ShiftRightUnsigned,
        /// <summary>Arithmetic a &gt;&gt; b (BPF_ARSH).</summary>
        ShiftRightSigned,
    }
}

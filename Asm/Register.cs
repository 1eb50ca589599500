namespace Ebpf.Asm
{
    /// <summary>One of the eleven eBPF registers.</summary>
    /// <remarks>
    /// r0 holds return values, r1–r5 carry call arguments and are clobbered by calls,
    /// r6–r9 are callee-saved, r10 is the read-only frame pointer.
    /// </remarks>
    public enum Register : byte
    {
        /// <summary>Return value of calls and of the program.</summary>
        R0 = 0,
        /// <summary>First argument; the context pointer on entry.</summary>
        R1 = 1,
        /// <summary>Second argument.</summary>
        R2 = 2,
        /// <summary>Third argument.</summary>
        R3 = 3,
        /// <summary>Fourth argument.</summary>
        R4 = 4,
        /// <summary>Fifth argument.</summary>
        R5 = 5,
        /// <summary>Callee-saved.</summary>
        R6 = 6,
        /// <summary>Callee-saved.</summary>
        R7 = 7,
        /// <summary>Callee-saved.</summary>
        R8 = 8,
        /// <summary>Callee-saved.</summary>
        R9 = 9,
        /// <summary>Read-only frame pointer (top of the 512-byte stack).</summary>
        R10 = 10,
    }
}

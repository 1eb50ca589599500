namespace Ebpf.Dsl
{
    /// <summary>
    /// The context a program receives as its only argument (the kernel passes a pointer to it in r1).
    /// One context object is one program run: under the CLR it carries that run's tail-call count.
    /// </summary>
    public abstract class ProgramContext
    {
        private protected ProgramContext()
        {
        }

        /// <summary>Tail calls attempted in this run (the kernel's tail_call_cnt, at most 33).</summary>
        internal int TailCallCount { get; set; }

        /// <summary>
        /// The first <paramref name="length"/> bytes of <paramref name="destination"/>, for the load-bytes helpers'
        /// bounded-length overloads; empty when <paramref name="length"/> is outside 1..sizeof(T) (they return -EINVAL).
        /// </summary>
        private protected static System.Span<byte> FirstBytes<T>(ref T destination, int length)
            where T : unmanaged =>
            length < 1 || length > System.Runtime.CompilerServices.Unsafe.SizeOf<T>()
                ? System.Span<byte>.Empty
                : System.Runtime.InteropServices.MemoryMarshal.AsBytes(System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref destination, 1)).Slice(0, length);
    }
}

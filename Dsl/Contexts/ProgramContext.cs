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
    }
}

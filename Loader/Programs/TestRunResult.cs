namespace Ebpf.Loader.Programs
{
    /// <summary>Output of BPF_PROG_TEST_RUN.</summary>
    /// <param name="ReturnValue">The program's return value (e.g. an XDP action, or 1/0 allow/deny for cgroup_skb).</param>
    /// <param name="DataOut">The packet as the program left it.</param>
    /// <param name="ContextOut">The context as the program left it (empty when not requested).</param>
    /// <param name="DurationNs">Mean nanoseconds per run, as the kernel measured.</param>
    public sealed record TestRunResult(uint ReturnValue, byte[] DataOut, byte[] ContextOut, uint DurationNs);
}

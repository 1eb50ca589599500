namespace Ebpf.Loader.Cli
{
    /// <summary>One loaded program as <c>load --json</c> prints it.</summary>
    /// <param name="Name">The program's name.</param>
    /// <param name="Id">The kernel's program id.</param>
    /// <param name="Type">The program type in kernel spelling, e.g. <c>cgroup_skb</c>.</param>
    /// <param name="VerifiedInsns">Instructions the verifier processed (bpf_prog_info.verified_insns, kernel 5.16+).</param>
    /// <param name="Pin">Where it is pinned.</param>
    public sealed record LoadedProgramRow(string Name, uint Id, string Type, uint VerifiedInsns, string Pin);
}

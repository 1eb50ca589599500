namespace Ebpf.Benchmarks.SideBySide
{
    /// <summary>What one side of a pair measured.</summary>
    /// <param name="XlatedInstructions">bpf_prog_info.xlated_prog_len / 8: instructions after the verifier's rewrites.</param>
    /// <param name="JitedBytes">bpf_prog_info.jited_prog_len: x86-64 bytes.</param>
    /// <param name="VerifiedInstructions">bpf_prog_info.verified_insns: instructions the verifier walked (kernel 5.16).</param>
    /// <param name="NsPerPacket">Median over rounds of the test-run ns/packet minus the floor of the same round.</param>
    /// <param name="RawNsPerPacket">Median over rounds of the test-run ns/packet, floor included.</param>
    /// <param name="ReturnValue">The verdict of a single run (checked equal between both sides).</param>
    internal sealed record SideMetrics(
        int XlatedInstructions,
        int JitedBytes,
        uint VerifiedInstructions,
        double NsPerPacket,
        double RawNsPerPacket,
        uint ReturnValue);
}

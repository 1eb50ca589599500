using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Ebpf.Loader.Cli
{
    /// <summary>What <c>chain run</c> saw (its <c>--json</c> output).</summary>
    /// <param name="Chain">The program class: <c>XdpChain</c> or <c>EgressChain</c>.</param>
    /// <param name="Stages">The three stages in tail-call order, with their kernel ids.</param>
    /// <param name="Cpu">The CPU the first stage ran on.</param>
    /// <param name="PacketBytes">The test packet's length.</param>
    /// <param name="Verdict">The chain's return value.</param>
    /// <param name="VerdictName">The verdict in the program type's terms (<c>XDP_PASS</c>, <c>allow</c>).</param>
    /// <param name="Context">The shared per-CPU context after the run, one row per possible CPU.</param>
    public sealed record ChainRunResult(
        string Chain,
        IReadOnlyList<ChainStage> Stages,
        int Cpu,
        int PacketBytes,
        uint Verdict,
        string VerdictName,
        IReadOnlyList<ChainContextRow> Context);

    /// <summary>One stage of the chain.</summary>
    /// <param name="Name">The program's name in the kernel.</param>
    /// <param name="Id">The program's kernel id.</param>
    public sealed record ChainStage(string Name, uint Id);

    /// <summary>One CPU's copy of the shared context.</summary>
    /// <param name="Cpu">The CPU.</param>
    /// <param name="ValueFrom1">What the first stage wrote on that CPU (11 when it ran there).</param>
    /// <param name="ValueFrom2">What the second stage wrote on that CPU (22 when it ran there).</param>
    public sealed record ChainContextRow(
        int Cpu,
        [property: JsonPropertyName("value_from_1")] byte ValueFrom1,
        [property: JsonPropertyName("value_from_2")] byte ValueFrom2);
}

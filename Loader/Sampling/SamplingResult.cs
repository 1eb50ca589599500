using System;

namespace Ebpf.Loader.Sampling
{
    /// <summary>What a <see cref="SamplingSession"/> did.</summary>
    /// <param name="Written">Packets written to the pcap file.</param>
    /// <param name="Lost">Packets due for sampling that the program could not record because the ring was full
    /// (the growth of <c>sampler_stats</c>' lost counters during the session).</param>
    /// <param name="Dropped">Records read from the ring but not written because the count was already reached.</param>
    /// <param name="Elapsed">How long the session ran.</param>
    /// <param name="Reason">Why it stopped.</param>
    public sealed record SamplingResult(long Written, ulong Lost, long Dropped, TimeSpan Elapsed, SamplingStopReason Reason);
}

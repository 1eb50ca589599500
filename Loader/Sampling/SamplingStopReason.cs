namespace Ebpf.Loader.Sampling
{
    /// <summary>Why a <see cref="SamplingSession"/> ended.</summary>
    public enum SamplingStopReason
    {
        /// <summary>The requested number of packets was written.</summary>
        Count,

        /// <summary>The requested duration passed.</summary>
        Duration,

        /// <summary>The caller cancelled (Ctrl-C, SIGTERM).</summary>
        Cancelled,
    }
}

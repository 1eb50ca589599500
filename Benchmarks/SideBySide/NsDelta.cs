namespace Ebpf.Benchmarks.SideBySide
{
    /// <summary>The paired difference ours − clang over the rounds, in ns/packet.</summary>
    /// <param name="Median">The median of the per-round differences.</param>
    /// <param name="Lowest">The lowest per-round difference.</param>
    /// <param name="Highest">The highest per-round difference.</param>
    internal sealed record NsDelta(double Median, double Lowest, double Highest);
}

namespace Ebpf.Benchmarks.SideBySide
{
    /// <summary>Both sides of one program, and the floor subtracted from their times.</summary>
    /// <param name="Label">The pair's label (<c>XdpFilter.Filter ipv4-pass</c>).</param>
    /// <param name="ProgramType">Its kernel program type.</param>
    /// <param name="FloorNs">Median ns/packet of the empty program of that type over the same rounds.</param>
    /// <param name="Ours">Our compiler's program.</param>
    /// <param name="Clang">clang-19's program.</param>
    /// <param name="DeltaNs">Per round, ours minus clang in ns/packet: median, lowest and highest (the noise to read a ratio against).</param>
    internal sealed record PairResult(string Label, string ProgramType, double FloorNs, SideMetrics Ours, SideMetrics Clang, NsDelta DeltaNs)
    {
        /// <summary>ours / clang, or null when clang's value is not positive (nothing to divide by).</summary>
        public static double? Ratio(double ours, double clang) => clang > 0 ? ours / clang : null;
    }
}

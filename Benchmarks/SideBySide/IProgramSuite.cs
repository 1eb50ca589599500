using System.Collections.Generic;

namespace Ebpf.Benchmarks.SideBySide
{
    /// <summary>A program class of Programs/ (or the root array) and its C twin: loads both sides and says which pairs to time on which frames.</summary>
    internal interface IProgramSuite
    {
        /// <summary>The suite's name (<c>XdpChain</c>, <c>XdpFilter</c>), used by <c>--only</c> and in pin paths.</summary>
        string Name { get; }

        /// <summary>Loads both sides through <paramref name="context"/> (which owns and unpins everything) and returns the pairs.</summary>
        IReadOnlyList<ProgramPair> Load(SuiteContext context);
    }
}

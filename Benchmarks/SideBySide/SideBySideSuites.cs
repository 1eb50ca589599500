using System;
using System.Collections.Generic;
using System.Linq;

namespace Ebpf.Benchmarks.SideBySide
{
    /// <summary>Every suite the command knows, in the order of the tables.</summary>
    internal static class SideBySideSuites
    {
        /// <summary>The tail chains, the root array, the filter and the sampler.</summary>
        public static IReadOnlyList<IProgramSuite> All { get; } = ChainSuite.All.Cast<IProgramSuite>()
            .Append(new RootArraySuite())
            .Append(new FilterSuite())
            .Append(new SamplerSuite())
            .ToList();

        /// <summary>The suites <c>--only</c> names, or all of them.</summary>
        public static IReadOnlyList<IProgramSuite> Selected(SideBySideOptions options)
        {
            if (options.Only.Count == 0)
            {
                return All;
            }

            string[] unknown = options.Only.Where(name => All.All(suite => !string.Equals(suite.Name, name, StringComparison.OrdinalIgnoreCase))).ToArray();
            if (unknown.Length > 0)
            {
                throw new ArgumentException($"--only: no suite {string.Join(", ", unknown)} (suites: {string.Join(", ", All.Select(suite => suite.Name))})");
            }

            return All.Where(suite => options.Only.Contains(suite.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        }
    }
}

using System;
using System.Collections.Generic;

namespace Ebpf.Loader.Loading
{
    /// <summary>
    /// A collection cannot be loaded as described (a PROG_ARRAY too small for its slots, an unknown name,
    /// programs of mixed types in one array …). Thrown before anything touches the kernel.
    /// </summary>
    public sealed class CollectionException : Exception
    {
        /// <summary>Creates the exception listing every problem found.</summary>
        public CollectionException(IReadOnlyList<string> problems)
            : base(Compose(problems))
        {
            Problems = problems;
        }

        /// <summary>Every problem, one sentence each.</summary>
        public IReadOnlyList<string> Problems { get; }

        private static string Compose(IReadOnlyList<string> problems) =>
            problems.Count == 1
                ? "cannot load collection: " + problems[0]
                : $"cannot load collection ({problems.Count} problems):\n  " + string.Join("\n  ", problems);
    }
}

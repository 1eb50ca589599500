using System.Collections.Generic;
using System.Linq;

namespace Ebpf.Compiler.Tests.DslDoc
{
    /// <summary>The probe programs behind the rows of docs/dsl.md, one per row key; split by area like the document.</summary>
    internal static partial class DslProbes
    {
        /// <summary>Every probe, by key.</summary>
        public static IReadOnlyDictionary<string, DslProbe> All { get; } =
            Integers().Concat(Operators()).Concat(ControlFlow()).Concat(Types()).Concat(Calls())
                .Concat(Unsupported()).Concat(Maps()).Concat(Packets()).Concat(Programs())
                .ToDictionary(probe => probe.Key, System.StringComparer.Ordinal);
    }
}

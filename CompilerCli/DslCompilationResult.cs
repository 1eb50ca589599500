using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Ebpf.Compiler.Cli
{
    /// <summary>What compiling a set of DSL sources produced: every diagnostic and each program class's image.</summary>
    public sealed class DslCompilationResult
    {
        /// <summary>Creates the result.</summary>
        public DslCompilationResult(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<CompiledProgramClass> classes)
        {
            Diagnostics = diagnostics;
            Classes = classes;
        }

        /// <summary>C# compiler, analyzer and front-end diagnostics, one per id and location, in source order.</summary>
        public IReadOnlyList<Diagnostic> Diagnostics { get; }

        /// <summary>Every program class found (none when the C# itself does not compile).</summary>
        public IReadOnlyList<CompiledProgramClass> Classes { get; }

        /// <summary>True when any diagnostic is an error.</summary>
        public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
    }
}

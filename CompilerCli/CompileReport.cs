using System.Collections.Generic;

namespace Ebpf.Compiler.Cli
{
    /// <summary>What <c>ebpf-compile --json</c> prints.</summary>
    /// <param name="Succeeded">True when there were no errors and every image was written.</param>
    /// <param name="Diagnostics">Every diagnostic, in source order.</param>
    /// <param name="Outputs">The files written, one entry per program class.</param>
    public sealed record CompileReport(bool Succeeded, IReadOnlyList<CompileDiagnostic> Diagnostics, IReadOnlyList<CompileOutput> Outputs);
}

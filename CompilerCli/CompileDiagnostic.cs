using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Ebpf.Compiler.Cli
{
    /// <summary>One diagnostic as <c>ebpf-compile --json</c> prints it (1-based line and column).</summary>
    /// <param name="Id">The id, e.g. <c>EBPF2004</c> or <c>CS0103</c>.</param>
    /// <param name="Severity">error, warning or info.</param>
    /// <param name="File">The source file, or null for a diagnostic without a location.</param>
    /// <param name="Line">1-based line.</param>
    /// <param name="Column">1-based column.</param>
    /// <param name="Message">The message.</param>
    public sealed record CompileDiagnostic(string Id, string Severity, string? File, int Line, int Column, string Message)
    {
        /// <summary>Converts a Roslyn diagnostic.</summary>
        public static CompileDiagnostic From(Diagnostic diagnostic)
        {
            FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
            bool located = diagnostic.Location.IsInSource;
            return new CompileDiagnostic(
                diagnostic.Id,
                diagnostic.Severity.ToString().ToLowerInvariant(),
                located ? span.Path : null,
                located ? span.StartLinePosition.Line + 1 : 0,
                located ? span.StartLinePosition.Character + 1 : 0,
                diagnostic.GetMessage(CultureInfo.InvariantCulture));
        }
    }
}

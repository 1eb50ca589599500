using Microsoft.CodeAnalysis;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>
    /// Creates the front end's diagnostics. Every descriptor comes from <see cref="Diagnostics.DiagnosticCatalogue"/>
    /// and every message is the catalogue's format filled with its arguments (listed in each descriptor's remarks),
    /// so the front end, the analyzers and <c>ebpf-compile</c> word each problem the same way.
    /// </summary>
    internal static class FrontEndDiagnostics
    {
        /// <summary>A diagnostic of a catalogue descriptor at <paramref name="location"/> (none when null).</summary>
        public static Diagnostic Create(DiagnosticDescriptor descriptor, Location? location, params object[] arguments) =>
            Diagnostic.Create(descriptor, location ?? Location.None, arguments);
    }
}

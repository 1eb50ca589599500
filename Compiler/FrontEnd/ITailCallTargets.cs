using Microsoft.CodeAnalysis;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>Collects the named targets of tail calls so the driver can give each a slot of its PROG_ARRAY.</summary>
    internal interface ITailCallTargets
    {
        /// <summary>Records that <paramref name="caller"/> tail-calls <paramref name="target"/> through <paramref name="map"/>; false when the target is not a program of a compatible type.</summary>
        bool Record(IFieldSymbol map, IMethodSymbol target, SyntaxNode syntax, ProgramLoweringContext caller);
    }
}

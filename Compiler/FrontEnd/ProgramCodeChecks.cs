using System;
using System.Collections.Generic;
using System.Threading;
using Ebpf.Compiler.Analyzers;
using Ebpf.Compiler.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>
    /// Runs the analyzers' rules (<see cref="ProgramCodeRules"/>, <see cref="ProgramShapeRules"/>) over each method and
    /// field the front end compiles, so the front end reports the analyzer-owned ids with the analyzers' wording and
    /// spans, and remembers what they reported.
    /// </summary>
    /// <remarks>
    /// Lowering meets the same problems again, often at another node (an implicit int→double conversion where the rules
    /// point at <c>double</c>); <see cref="Covers"/> tells which of those are already reported, so each problem is
    /// reported once. A lowering problem of an analyzer-owned id the rules did not see is still reported, at lowering's node.
    /// </remarks>
    internal sealed class ProgramCodeChecks
    {
        private readonly DslSymbols? dsl;
        private readonly HashSet<IMethodSymbol> checkedMethods = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        private readonly Dictionary<IFieldSymbol, bool> fieldProblems = new Dictionary<IFieldSymbol, bool>(SymbolEqualityComparer.Default);
        private readonly HashSet<string> reportedIds = new HashSet<string>(StringComparer.Ordinal);
        private readonly List<Location> reportedLocations = new List<Location>();

        public ProgramCodeChecks(Compilation compilation)
        {
            dsl = DslSymbols.Create(compilation);
        }

        /// <summary>Reports the rules' diagnostics for <paramref name="method"/> (the first time only).</summary>
        public void Check(IMethodSymbol method, IOperation body, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            if (dsl is null || !checkedMethods.Add(method.OriginalDefinition))
            {
                return;
            }

            ProgramCodeRules.AnalyzeMethod(method, body, dsl, Remembered(report), cancellationToken);
        }

        /// <summary>
        /// Reports a static field's shape problems (EBPF1002/EBPF1004) with the analyzer's rules, the first time only;
        /// true when the rules found any (now or before).
        /// </summary>
        public bool CheckField(IFieldSymbol field, Compilation compilation, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            if (dsl is null)
            {
                return false;
            }

            if (!fieldProblems.TryGetValue(field.OriginalDefinition, out bool found))
            {
                Action<Diagnostic> remembered = Remembered(report);
                ProgramShapeRules.AnalyzeField(
                    field.OriginalDefinition,
                    compilation,
                    dsl,
                    diagnostic =>
                    {
                        found = true;
                        remembered(diagnostic);
                    },
                    cancellationToken);
                fieldProblems[field.OriginalDefinition] = found;
            }

            return found;
        }

        /// <summary>
        /// Whether a lowering problem of an analyzer-owned id at <paramref name="syntax"/> is already reported by the rules:
        /// the same id anywhere in this program's code (its image is refused either way), or any rule's diagnostic
        /// overlapping <paramref name="syntax"/> (one mistake, one diagnostic). Ask after every method has been checked.
        /// </summary>
        public bool Covers(DiagnosticDescriptor descriptor, SyntaxNode? syntax)
        {
            if (!DiagnosticCatalogue.AnalyzerOwned.Contains(descriptor.Id))
            {
                return false;
            }

            if (reportedIds.Contains(descriptor.Id))
            {
                return true;
            }

            foreach (Location location in reportedLocations)
            {
                if (syntax != null && location.SourceTree == syntax.SyntaxTree && location.SourceSpan.OverlapsWith(syntax.Span))
                {
                    return true;
                }
            }

            return false;
        }

        private Action<Diagnostic> Remembered(Action<Diagnostic> report) =>
            diagnostic =>
            {
                reportedIds.Add(diagnostic.Id);
                reportedLocations.Add(diagnostic.Location);
                report(diagnostic);
            };
    }
}

using System.Collections.Generic;
using System.Threading;
using Ebpf.Asm;
using Ebpf.Compiler.Diagnostics;
using Ebpf.Compiler.IR;
using Microsoft.CodeAnalysis;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>What every body lowered into one program shares: the builder, the diagnostics, the maps and the context.</summary>
    internal sealed class ProgramLoweringContext
    {
        private readonly Dictionary<SyntaxTree, SemanticModel> models = new Dictionary<SyntaxTree, SemanticModel>();
        private readonly ProgramCodeChecks codeChecks;
        private readonly List<(DiagnosticDescriptor Descriptor, SyntaxNode? Syntax, object[] Arguments)> analyzerOwned =
            new List<(DiagnosticDescriptor, SyntaxNode?, object[])>();

        public ProgramLoweringContext(
            Compilation compilation,
            IrFunctionBuilder builder,
            ProgramType programType,
            IReadOnlyDictionary<IFieldSymbol, string> maps,
            ITailCallTargets tailCalls,
            Dictionary<ITypeSymbol, TypeLayout?> layouts,
            CancellationToken cancellationToken)
        {
            Compilation = compilation;
            Builder = builder;
            ProgramType = programType;
            Maps = maps;
            TailCalls = tailCalls;
            Layouts = layouts;
            CancellationToken = cancellationToken;
            codeChecks = new ProgramCodeChecks(compilation);
        }

        public Compilation Compilation { get; }

        /// <summary>The builder of the function being lowered (the program's, or a BPF-to-BPF function's while it is lowered).</summary>
        public IrFunctionBuilder Builder { get; set; }

        /// <summary>How many calls to each static method with source the program's reachable code contains.</summary>
        public Dictionary<IMethodSymbol, int> CallSites { get; } = new Dictionary<IMethodSymbol, int>(SymbolEqualityComparer.Default);

        /// <summary>Methods lowered as BPF-to-BPF functions, with their function (null while being lowered or when inlined instead).</summary>
        public Dictionary<IMethodSymbol, IrFunction?> Functions { get; } = new Dictionary<IMethodSymbol, IrFunction?>(SymbolEqualityComparer.Default);

        /// <summary>The functions the program calls, in the order they were first called (the module's functions after the entry).</summary>
        public List<IrFunction> Called { get; } = new List<IrFunction>();

        public ProgramType ProgramType { get; }

        /// <summary>Map fields of the program class and their map names.</summary>
        public IReadOnlyDictionary<IFieldSymbol, string> Maps { get; }

        public ITailCallTargets TailCalls { get; }

        public Dictionary<ITypeSymbol, TypeLayout?> Layouts { get; }

        public CancellationToken CancellationToken { get; }

        public List<Diagnostic> Diagnostics { get; } = new List<Diagnostic>();

        /// <summary>The program's entry function (other functions are BPF-to-BPF callees).</summary>
        public IrFunction? Entry { get; set; }

        /// <summary>The program's context register (r1 on entry).</summary>
        public VirtualRegister? ContextRegister { get; set; }

        /// <summary>Set when the program uses an instruction of cpu v4 (signed division and remainder, kernel 6.6).</summary>
        public bool NeedsCpuV4 { get; set; }

        /// <summary>True for programs whose context is <c>struct xdp_md</c>.</summary>
        public bool IsXdp => ProgramType == ProgramType.Xdp;

        /// <summary>Methods being lowered (for recursion).</summary>
        public List<IMethodSymbol> CallStack { get; } = new List<IMethodSymbol>();

        private readonly HashSet<string> reported = new HashSet<string>();

        /// <summary>Reports a problem with its catalogue descriptor and the descriptor's message arguments, once per location and message.</summary>
        /// <remarks>
        /// A problem of an id the analyzers own waits until the whole program is lowered (<see cref="ReportReached"/>),
        /// and is dropped if the analyzers' rules (<see cref="ProgramCodeChecks"/>) reported it: their diagnostic, with
        /// the analyzer's wording and span, stands for it.
        /// </remarks>
        public void Report(DiagnosticDescriptor descriptor, SyntaxNode? syntax, params object[] arguments)
        {
            if (DiagnosticCatalogue.AnalyzerOwned.Contains(descriptor.Id))
            {
                analyzerOwned.Add((descriptor, syntax, arguments));
                return;
            }

            Add(FrontEndDiagnostics.Create(descriptor, syntax?.GetLocation(), arguments));
        }

        /// <summary>Runs the analyzers' rules over a method the front end is about to lower (once per method).</summary>
        public void CheckProgramCode(IMethodSymbol method, IOperation body) => codeChecks.Check(method, body, Add, CancellationToken);

        /// <summary>
        /// EBPF1004 for a static field lowering cannot use as a constant: the analyzer's diagnostic at the field's
        /// declaration when its rules find the problem, else one at <paramref name="use"/>.
        /// </summary>
        public void ReportConfigurationField(IFieldSymbol field, SyntaxNode use)
        {
            if (!codeChecks.CheckField(field, Compilation, Add, CancellationToken))
            {
                Add(FrontEndDiagnostics.Create(DiagnosticCatalogue.ConfigurationField, use.GetLocation(), field.Name));
            }
        }

        /// <summary>The C# each lowered block starts with (for EBPF4003, which reports at the loop statement around it).</summary>
        public Dictionary<BasicBlock, SyntaxNode> BlockSyntax { get; } = new Dictionary<BasicBlock, SyntaxNode>();

        /// <summary>The registers holding a <c>/</c> or <c>%</c> result, with the operator expression (for EBPF3004).</summary>
        public Dictionary<VirtualRegister, SyntaxNode> Divisions { get; } = new Dictionary<VirtualRegister, SyntaxNode>();

        /// <summary>Remembers a division's result register and its C# expression; returns the register.</summary>
        public VirtualRegister RecordDivision(VirtualRegister result, SyntaxNode syntax)
        {
            Divisions[result] = syntax;
            return result;
        }

        /// <summary>Problems that exist only if their block is reachable (a switch expression's no-match throw).</summary>
        public List<(BasicBlock Block, DiagnosticDescriptor Descriptor, SyntaxNode? Syntax, object[] Arguments)> Deferred { get; } =
            new List<(BasicBlock, DiagnosticDescriptor, SyntaxNode?, object[])>();

        /// <summary>
        /// At the end of a program: reports the deferred problems whose blocks survived unreachable-block removal, and
        /// the analyzer-owned problems the rules did not report.
        /// </summary>
        public void ReportReached(ICollection<BasicBlock> reached)
        {
            foreach ((BasicBlock block, DiagnosticDescriptor descriptor, SyntaxNode? syntax, object[] arguments) in Deferred)
            {
                if (reached.Contains(block))
                {
                    Report(descriptor, syntax, arguments);
                }
            }

            foreach ((DiagnosticDescriptor descriptor, SyntaxNode? syntax, object[] arguments) in analyzerOwned)
            {
                if (!codeChecks.Covers(descriptor, syntax))
                {
                    Add(FrontEndDiagnostics.Create(descriptor, syntax?.GetLocation(), arguments));
                }
            }

            analyzerOwned.Clear();
        }

        private void Add(Diagnostic diagnostic)
        {
            if (reported.Add(diagnostic.Id + diagnostic.Location + diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)))
            {
                Diagnostics.Add(diagnostic);
            }
        }

        public SemanticModel Model(SyntaxTree tree)
        {
            if (!models.TryGetValue(tree, out SemanticModel? model))
            {
                model = Compilation.GetSemanticModel(tree);
                models[tree] = model;
            }

            return model;
        }

        public TypeLayout? Layout(ITypeSymbol type) => TypeLayout.Of(type, Layouts);

        /// <summary>Where an IR instruction came from: file, 1-based line and column, the line's text.</summary>
        public static SourceLocation? SourceOf(SyntaxNode? syntax)
        {
            if (syntax is null)
            {
                return null;
            }

            FileLinePositionSpan span = syntax.GetLocation().GetLineSpan();
            var text = syntax.SyntaxTree.GetText();
            int line = span.StartLinePosition.Line;
            string lineText = line < text.Lines.Count ? text.Lines[line].ToString().Trim() : "";
            return new SourceLocation(span.Path, line + 1, span.StartLinePosition.Character + 1, lineText);
        }
    }
}

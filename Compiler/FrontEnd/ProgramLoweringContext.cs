using System.Collections.Generic;
using System.Threading;
using Ebpf.Asm;
using Ebpf.Compiler.IR;
using Microsoft.CodeAnalysis;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>What every body lowered into one program shares: the builder, the diagnostics, the maps and the context.</summary>
    internal sealed class ProgramLoweringContext
    {
        private readonly Dictionary<SyntaxTree, SemanticModel> models = new Dictionary<SyntaxTree, SemanticModel>();

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
        }

        public Compilation Compilation { get; }

        public IrFunctionBuilder Builder { get; }

        public ProgramType ProgramType { get; }

        /// <summary>Map fields of the program class and their map names.</summary>
        public IReadOnlyDictionary<IFieldSymbol, string> Maps { get; }

        public ITailCallTargets TailCalls { get; }

        public Dictionary<ITypeSymbol, TypeLayout?> Layouts { get; }

        public CancellationToken CancellationToken { get; }

        public List<Diagnostic> Diagnostics { get; } = new List<Diagnostic>();

        /// <summary>The program's context register (r1 on entry).</summary>
        public VirtualRegister? ContextRegister { get; set; }

        /// <summary>Set when the program uses an instruction of cpu v4 (signed division and remainder, kernel 6.6).</summary>
        public bool NeedsCpuV4 { get; set; }

        /// <summary>True for programs whose context is <c>struct xdp_md</c>.</summary>
        public bool IsXdp => ProgramType == ProgramType.Xdp;

        /// <summary>Methods being lowered (for recursion).</summary>
        public List<IMethodSymbol> CallStack { get; } = new List<IMethodSymbol>();

        private readonly HashSet<string> reported = new HashSet<string>();

        public void Report(string id, SyntaxNode? syntax, string message)
        {
            Location location = syntax?.GetLocation() ?? Location.None;
            if (reported.Add(id + location + message))
            {
                Diagnostics.Add(FrontEndDiagnostics.Create(id, location, message));
            }
        }

        /// <summary>Problems that exist only if their block is reachable (a switch expression's no-match throw).</summary>
        public List<(BasicBlock Block, string Id, SyntaxNode? Syntax, string Message)> Deferred { get; } = new List<(BasicBlock, string, SyntaxNode?, string)>();

        /// <summary>Reports the deferred problems whose blocks survived unreachable-block removal.</summary>
        public void ReportReached(ICollection<BasicBlock> reached)
        {
            foreach ((BasicBlock block, string id, SyntaxNode? syntax, string message) in Deferred)
            {
                if (reached.Contains(block))
                {
                    Report(id, syntax, message);
                }
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

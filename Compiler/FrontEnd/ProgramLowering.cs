using System.Collections.Generic;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Compiler.Diagnostics;
using Ebpf.Compiler.IR;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>Lowers one program method (and the static methods it calls, inlined or as BPF-to-BPF functions) into an IR module.</summary>
    internal static class ProgramLowering
    {
        /// <summary>The program's IR; null when its body is unavailable. Problems go to <see cref="ProgramLoweringContext.Diagnostics"/>.</summary>
        public static IrModule? Lower(ProgramLoweringContext context, IMethodSymbol method, AttachType? attachType, string license)
        {
            IMethodBodyOperation? body = null;
            foreach (SyntaxReference reference in method.DeclaringSyntaxReferences)
            {
                SyntaxNode syntax = reference.GetSyntax(context.CancellationToken);
                body = context.Model(syntax.SyntaxTree).GetOperation(syntax, context.CancellationToken) as IMethodBodyOperation;
            }

            if (body is null)
            {
                return null;
            }

            IrFunctionBuilder f = context.Builder;
            f.Function.Location = ProgramLoweringContext.SourceOf(body.Syntax);
            VirtualRegister ctx = f.Parameter(IrType.PointerTo(PointerKind.Context), "ctx");
            context.ContextRegister = ctx;
            context.Entry = f.Function;
            f.At(f.Block("entry"));
            var parameters = new Dictionary<IParameterSymbol, LoweredValue>(SymbolEqualityComparer.Default);
            if (method.Parameters.Length == 1)
            {
                parameters[method.Parameters[0]] = LoweredValue.Context(ctx, method.Parameters[0].Type);
            }

            CountCallSites(context, body);
            context.CallStack.Add(method);
            new BodyLowering(context, method, parameters, null).Lower(body);
            context.CallStack.RemoveAt(context.CallStack.Count - 1);
            Finish(context, f.Function);
            var reached = new HashSet<BasicBlock>(f.Function.Blocks);
            reached.UnionWith(context.Called.SelectMany(function => function.Blocks));
            context.ReportReached(reached);

            var module = new IrModule(method.Name, context.ProgramType) { ExpectedAttachType = attachType, License = license };
            module.Functions.Add(f.Function);
            module.Functions.AddRange(context.Called);
            return module;
        }

        /// <summary>After a function is lowered: unreachable blocks go, then the division (EBPF3004) and loop (EBPF4003) rules run on it.</summary>
        public static void Finish(ProgramLoweringContext context, IrFunction function)
        {
            RemoveUnreachable(function);
            DivisionGuardCheck.Check(function, context.Divisions, (_, syntax, signed) => context.Report(
                DiagnosticCatalogue.DivisionMayFault, syntax, syntax.ToString(), signed ? " (or MinValue by -1)" : "", DivisorText(syntax)));
            LoopBoundCheck.Check(function, context.BlockSyntax, syntax => context.Report(DiagnosticCatalogue.UnboundedLoop, syntax, LoopName(syntax)));
        }

        /// <summary>Counts the calls to each static method with source in the program and the methods it reaches.</summary>
        private static void CountCallSites(ProgramLoweringContext context, IOperation body)
        {
            var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var work = new Stack<IOperation>();
            work.Push(body);
            while (work.Count > 0)
            {
                foreach (IInvocationOperation call in work.Pop().DescendantsAndSelf().OfType<IInvocationOperation>())
                {
                    IMethodSymbol target = call.TargetMethod;
                    if (!target.IsStatic)
                    {
                        continue;
                    }

                    context.CallSites[target] = context.CallSites.TryGetValue(target, out int count) ? count + 1 : 1;
                    if (!visited.Add(target))
                    {
                        continue;
                    }

                    foreach (SyntaxReference reference in target.DeclaringSyntaxReferences)
                    {
                        SyntaxNode syntax = reference.GetSyntax(context.CancellationToken);
                        if (context.Compilation.ContainsSyntaxTree(syntax.SyntaxTree) && context.Model(syntax.SyntaxTree).GetOperation(syntax, context.CancellationToken) is IOperation callee)
                        {
                            work.Push(callee);
                        }
                    }
                }
            }
        }

        /// <summary>The loop's keyword for EBPF4003's message.</summary>
        private static string LoopName(SyntaxNode? syntax) => syntax switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.ForStatementSyntax => "This 'for' loop",
            Microsoft.CodeAnalysis.CSharp.Syntax.WhileStatementSyntax => "This 'while' loop",
            Microsoft.CodeAnalysis.CSharp.Syntax.DoStatementSyntax => "This 'do' loop",
            Microsoft.CodeAnalysis.CSharp.Syntax.CommonForEachStatementSyntax => "This 'foreach' loop",
            _ => "This loop",
        };

        /// <summary>The divisor's C# text in a <c>a / b</c>, <c>a % b</c>, <c>a /= b</c> or <c>a %= b</c> expression.</summary>
        private static string DivisorText(SyntaxNode syntax) => syntax switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.BinaryExpressionSyntax binary => binary.Right.ToString(),
            Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax assignment => assignment.Right.ToString(),
            _ => "divisor",
        };

        /// <summary>Drops blocks no path reaches (and empty blocks left by lowering), so every block ends in a terminator.</summary>
        private static void RemoveUnreachable(IrFunction function)
        {
            var reached = new HashSet<BasicBlock>();
            var work = new Stack<BasicBlock>();
            work.Push(function.Blocks[0]);
            while (work.Count > 0)
            {
                BasicBlock block = work.Pop();
                if (!reached.Add(block))
                {
                    continue;
                }

                foreach (BasicBlock next in block.Successors)
                {
                    work.Push(next);
                }
            }

            function.Blocks.RemoveAll(b => !reached.Contains(b));
        }
    }
}

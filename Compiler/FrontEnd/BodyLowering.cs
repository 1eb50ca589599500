using System.Collections.Generic;
using Ebpf.Compiler.Diagnostics;
using Ebpf.Compiler.IR;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using BasicBlock = Ebpf.Compiler.IR.BasicBlock;
using FlowBlock = Microsoft.CodeAnalysis.FlowAnalysis.BasicBlock;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>
    /// Lowers one C# method body (a program, or a static method inlined into it) from its <see cref="ControlFlowGraph"/>
    /// into IR. Locals are IR registers (integers, map values, packet refs) or stack slots (structs); flow captures are
    /// registers; every unsupported construct is reported at its location and lowering goes on.
    /// </summary>
    internal sealed partial class BodyLowering
    {
        private readonly ProgramLoweringContext program;
        private readonly IrFunctionBuilder f;
        private readonly Dictionary<ILocalSymbol, LoweredValue> locals = new Dictionary<ILocalSymbol, LoweredValue>(SymbolEqualityComparer.Default);
        private readonly Dictionary<IParameterSymbol, LoweredValue> parameters;
        private readonly Dictionary<CaptureId, LoweredValue> captures = new Dictionary<CaptureId, LoweredValue>();
        private readonly HashSet<ControlFlowRegion> reportedRegions = new HashSet<ControlFlowRegion>();
        private readonly HashSet<CaptureId> placeCaptures = new HashSet<CaptureId>();
        private readonly IMethodSymbol method;
        private readonly BasicBlock? continuation;
        private readonly LoweredValue? receiver;
        private LoweredValue? result;

        /// <summary>
        /// A body; when <paramref name="continuation"/> is null its returns are the function's, otherwise (inlined)
        /// they store the value in <see cref="Result"/> and jump to the continuation.
        /// </summary>
        public BodyLowering(ProgramLoweringContext program, IMethodSymbol method, Dictionary<IParameterSymbol, LoweredValue> parameters, BasicBlock? continuation, LoweredValue? receiver = null, Dictionary<ITypeParameterSymbol, ITypeSymbol>? typeArguments = null)
        {
            this.typeArguments = typeArguments;
            this.receiver = receiver;
            this.program = program;
            f = program.Builder;
            this.method = method;
            this.parameters = parameters;
            this.continuation = continuation;
        }

        /// <summary>The inlined body's value (after <see cref="Lower"/>).</summary>
        public LoweredValue Result => result ?? LoweredValue.None;

        /// <summary>Lowers the body (a method body, or the block of an expression-bodied accessor) starting at the builder's current block.</summary>
        public void Lower(IOperation body)
        {
            program.CheckProgramCode(method, body);
            ControlFlowGraph graph = body is ILocalFunctionOperation local
                ? LocalFunctionGraph(local)
                : body is IMethodBodyOperation methodBody
                ? ControlFlowGraph.Create(methodBody, program.CancellationToken)
                : body is IConstructorBodyOperation constructorBody
                    ? ControlFlowGraph.Create(constructorBody, program.CancellationToken)
                    : ControlFlowGraph.Create((IBlockOperation)body, program.CancellationToken);
            FindPlaceCaptures(graph);
            var blocks = new BasicBlock?[graph.Blocks.Length];
            string prefix = continuation is null ? "" : method.Name + ".";
            foreach (FlowBlock block in graph.Blocks)
            {
                if (block.Kind == BasicBlockKind.Block && block.IsReachable)
                {
                    blocks[block.Ordinal] = f.Block(prefix + "b" + block.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            FlowBlock entry = graph.Blocks[0];
            f.Location = ProgramLoweringContext.SourceOf((body as IMethodBodyOperation)?.BlockBody?.Syntax ?? body.Syntax);
            Transfer(entry.FallThroughSuccessor, null, blocks);
            foreach (FlowBlock block in graph.Blocks)
            {
                program.CancellationToken.ThrowIfCancellationRequested();
                if (blocks[block.Ordinal] is not BasicBlock target)
                {
                    continue;
                }

                f.At(target);
                if ((block.Operations.Length > 0 ? block.Operations[0].Syntax : block.BranchValue?.Syntax) is SyntaxNode first)
                {
                    program.BlockSyntax[target] = first;
                }

                CheckRegion(block);
                foreach (IOperation operation in block.Operations)
                {
                    At(operation);
                    LowerValue(operation);
                }

                if (block.ConditionalSuccessor is ControlFlowBranch conditional && block.BranchValue is IOperation condition)
                {
                    At(condition);
                    BasicBlock whenConditional = Target(conditional, blocks);
                    BasicBlock whenFallThrough = Target(block.FallThroughSuccessor!, blocks);
                    bool jumpWhenTrue = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
                    Branch(condition, jumpWhenTrue ? whenConditional : whenFallThrough, jumpWhenTrue ? whenFallThrough : whenConditional);
                }
                else
                {
                    if (block.BranchValue is IOperation value)
                    {
                        At(value);
                    }

                    Transfer(block.FallThroughSuccessor, block.BranchValue, blocks);
                }
            }
        }

        /// <summary>
        /// Captures that stand for a place rather than a value: the target of an assignment, compound assignment or
        /// increment, or a <c>ref</c>/<c>in</c>/<c>out</c> argument, captured because the other side branches
        /// (<c>v.Field = c ? a : b;</c>). They keep the address; reading them as values would store into a copy.
        /// </summary>
        private void FindPlaceCaptures(ControlFlowGraph graph)
        {
            foreach (FlowBlock block in graph.Blocks)
            {
                foreach (IOperation root in block.Operations)
                {
                    foreach (IOperation operation in root.DescendantsAndSelf())
                    {
                        IOperation? place = operation switch
                        {
                            IAssignmentOperation assignment => assignment.Target,
                            IIncrementOrDecrementOperation increment => increment.Target,
                            IArgumentOperation { Parameter: { RefKind: not RefKind.None } } argument => argument.Value,
                            _ => null,
                        };
                        if (place is IFlowCaptureReferenceOperation reference)
                        {
                            placeCaptures.Add(reference.Id);
                        }
                    }
                }
            }
        }

        /// <summary>A local function's flow graph, from the graph of the method body it is declared in.</summary>
        private ControlFlowGraph LocalFunctionGraph(ILocalFunctionOperation local)
        {
            IOperation root = local;
            while (root.Parent is IOperation parent)
            {
                root = parent;
            }

            ControlFlowGraph container = root is IMethodBodyOperation methodBody
                ? ControlFlowGraph.Create(methodBody, program.CancellationToken)
                : ControlFlowGraph.Create((IBlockOperation)root, program.CancellationToken);
            return container.GetLocalFunctionControlFlowGraphInScope(local.Symbol, program.CancellationToken);
        }

        private void At(IOperation operation) => f.Location = ProgramLoweringContext.SourceOf(operation.Syntax) ?? f.Location;

        private void CheckRegion(FlowBlock block)
        {
            for (ControlFlowRegion? region = block.EnclosingRegion; region != null; region = region.EnclosingRegion)
            {
                switch (region.Kind)
                {
                    case ControlFlowRegionKind.Try:
                    case ControlFlowRegionKind.Catch:
                    case ControlFlowRegionKind.Filter:
                    case ControlFlowRegionKind.Finally:
                        if (reportedRegions.Add(region))
                        {
                            SyntaxNode? syntax = block.Operations.Length > 0 ? block.Operations[0].Syntax : block.BranchValue?.Syntax;
                            program.Report(DiagnosticCatalogue.Exceptions, syntax, "'try', 'catch', 'finally' or 'using'");
                        }

                        break;
                }
            }
        }

        /// <summary>An edge out of a block without a condition: jump, return, or (reported) throw.</summary>
        private void Transfer(ControlFlowBranch? branch, IOperation? value, BasicBlock?[] blocks)
        {
            if (branch is null)
            {
                EmitReturn(null);
                return;
            }

            switch (branch.Semantics)
            {
                case ControlFlowBranchSemantics.Regular:
                    if (branch.Destination is { Kind: BasicBlockKind.Exit } || branch.Destination is null)
                    {
                        EmitReturn(null);
                    }
                    else
                    {
                        f.Jump(Target(branch, blocks));
                    }

                    break;
                case ControlFlowBranchSemantics.Return:
                    EmitReturn(value);
                    break;
                case ControlFlowBranchSemantics.Throw:
                case ControlFlowBranchSemantics.Rethrow:
                    program.Deferred.Add((
                        f.Current,
                        DiagnosticCatalogue.Exceptions,
                        value?.Syntax,
                        new object[]
                        {
                            value?.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.SwitchExpressionSyntax
                                ? "A switch expression without a discard arm (_ =>), which throws when nothing matches,"
                                : "'throw'",
                        }));
                    f.Return(IrFunctionBuilder.Constant(f.Function.ReturnType ?? IrType.I32, 0));
                    break;
                default:
                    program.Report(DiagnosticCatalogue.Exceptions, value?.Syntax, "Exception handling");
                    f.Return(IrFunctionBuilder.Constant(f.Function.ReturnType ?? IrType.I32, 0));
                    break;
            }
        }

        private BasicBlock Target(ControlFlowBranch branch, BasicBlock?[] blocks)
        {
            if (branch.Destination is { } destination && blocks[destination.Ordinal] is BasicBlock target)
            {
                return target;
            }

            // An edge to the exit (or to nowhere): a block that returns.
            BasicBlock exit = f.Block("exit");
            BasicBlock current = f.Current;
            f.At(exit);
            EmitReturn(null);
            f.At(current);
            return exit;
        }

        private void EmitReturn(IOperation? value)
        {
            LoweredValue returned = value is null ? LoweredValue.None : LowerValue(value);
            if (continuation is null)
            {
                IrType returnType = f.Function.ReturnType ?? IrType.I32;
                if (returned.Kind == LoweredValueKind.Scalar)
                {
                    f.Return(Resize(returned.Value!, IsSigned(returned.Type), returnType));
                }
                else
                {
                    if (value != null && returned.Kind != LoweredValueKind.None)
                    {
                        program.Report(DiagnosticCatalogue.UnsupportedOperation, value.Syntax, "Returning something other than an integer verdict from a program");
                    }

                    f.Return(IrFunctionBuilder.Constant(returnType, 0));
                }

                return;
            }

            if (value != null)
            {
                StoreResult(returned, value);
            }

            f.Jump(continuation);
        }

        private void StoreResult(LoweredValue returned, IOperation value)
        {
            switch (returned.Kind)
            {
                case LoweredValueKind.Scalar:
                    if (result is null)
                    {
                        result = LoweredValue.Scalar(f.Register(returned.Value!.Type, method.Name + ".result"), method.ReturnType);
                    }

                    f.Assign((VirtualRegister)result.Value!, returned.Value!);
                    break;
                case LoweredValueKind.Address:
                case LoweredValueKind.Zero:
                    if (result is null)
                    {
                        result = NewStructLocal(method.ReturnType, method.Name + ".result", value.Syntax);
                    }

                    CopyInto(result, returned, value.Syntax);
                    break;
                default:
                    if (result is null)
                    {
                        result = returned;
                    }
                    else
                    {
                        program.Report(DiagnosticCatalogue.UnsupportedOperation, value.Syntax, "Returning a map value or packet reference from more than one return statement of an inlined method");
                    }

                    break;
            }
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using Ebpf.Compiler.IR;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>
    /// Calls to static methods of the compilation: inlined (parameters by value are copied, <c>ref</c>/<c>in</c>/<c>out</c>
    /// alias the caller's place, returns jump to a continuation). Recursion and calls without source are reported.
    /// </summary>
    internal sealed partial class BodyLowering
    {
        private LoweredValue Inline(IInvocationOperation invocation)
        {
            IMethodSymbol target = invocation.TargetMethod;
            if (target.MethodKind == MethodKind.DelegateInvoke || target.IsVirtual || target.IsAbstract || target.IsOverride || target.ContainingType?.TypeKind == TypeKind.Interface)
            {
                program.Report(FrontEndDiagnostics.IndirectCall, invocation.Syntax, $"'{target.Name}' is a virtual, interface or delegate call; BPF programs call static methods only");
                return LoweredValue.None;
            }

            if (!target.IsStatic)
            {
                return Unsupported(invocation, $"the instance method '{target.Name}'");
            }

            if (target.IsGenericMethod)
            {
                return Unsupported(invocation, $"the generic method '{target.Name}'");
            }

            IMethodBodyOperation? body = null;
            foreach (SyntaxReference reference in target.DeclaringSyntaxReferences)
            {
                SyntaxNode syntax = reference.GetSyntax(program.CancellationToken);
                if (program.Compilation.ContainsSyntaxTree(syntax.SyntaxTree))
                {
                    body = program.Model(syntax.SyntaxTree).GetOperation(syntax, program.CancellationToken) as IMethodBodyOperation;
                }
            }

            if (body is null || body.BlockBody is null && body.ExpressionBody is null)
            {
                program.Report(FrontEndDiagnostics.CallWithoutSource, invocation.Syntax, $"'{target.ToDisplayString()}' is neither part of the DSL nor a method with source in this compilation");
                return LoweredValue.None;
            }

            if (program.CallStack.Contains(target, SymbolEqualityComparer.Default))
            {
                program.Report(FrontEndDiagnostics.Recursion, invocation.Syntax, $"'{target.Name}' calls itself (directly or through other methods); BPF programs cannot recurse");
                return LoweredValue.None;
            }

            var bound = new Dictionary<IParameterSymbol, LoweredValue>(SymbolEqualityComparer.Default);
            foreach (IArgumentOperation argument in Ordered(invocation))
            {
                IParameterSymbol? parameter = argument.Parameter;
                if (parameter is null)
                {
                    continue;
                }

                if (parameter.RefKind != RefKind.None)
                {
                    bound[parameter] = LowerOperand(argument.Value);
                    continue;
                }

                LoweredValue value = LowerValue(argument.Value);
                switch (value.Kind)
                {
                    case LoweredValueKind.Scalar:
                        VirtualRegister copy = f.Register(RegisterType(parameter.Type), parameter.Name);
                        f.Assign(copy, ScalarOf(value, parameter.Type));
                        bound[parameter] = LoweredValue.Scalar(copy, parameter.Type);
                        break;
                    case LoweredValueKind.Address:
                    case LoweredValueKind.Zero:
                        LoweredValue place = NewStructLocal(parameter.Type, parameter.Name, argument.Syntax);
                        CopyInto(place, value, argument.Syntax);
                        bound[parameter] = place;
                        break;
                    default:
                        bound[parameter] = value;
                        break;
                }
            }

            BasicBlock after = f.Block(target.Name + ".return");
            var callee = new BodyLowering(program, target, bound, after);
            program.CallStack.Add(target);
            try
            {
                callee.Lower(body);
            }
            finally
            {
                program.CallStack.RemoveAt(program.CallStack.Count - 1);
            }

            f.At(after);
            return callee.Result;
        }
    }
}

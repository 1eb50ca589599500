using System.Collections.Generic;
using System.Linq;
using Ebpf.Compiler.Diagnostics;
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
            IMethodSymbol target = Instantiated(ConstrainedTarget(invocation) ?? invocation.TargetMethod);
            if (target.MethodKind == MethodKind.DelegateInvoke || target.IsVirtual || target.IsAbstract || target.IsOverride || target.ContainingType?.TypeKind == TypeKind.Interface)
            {
                program.Report(DiagnosticCatalogue.IndirectCall, invocation.Syntax, target.MethodKind == MethodKind.DelegateInvoke ? "The delegate call '" + invocation.Syntax + "'" : "The virtual call to '" + target.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) + "'");
                return LoweredValue.None;
            }

            if (target.MethodKind == MethodKind.LocalFunction && !target.IsStatic)
            {
                return Unsupported(invocation, $"the local function '{target.Name}', which is not static (only static local functions; pass what it uses as arguments)");
            }

            LoweredValue? receiver = null;
            if (!target.IsStatic)
            {
                receiver = invocation.Instance is null ? null : LowerOperand(invocation.Instance);
                if (receiver is null || receiver.Kind != LoweredValueKind.Address || target.ContainingType?.TypeKind != TypeKind.Struct)
                {
                    return receiver?.Kind == LoweredValueKind.None ? LoweredValue.None : Unsupported(invocation, $"the instance method '{target.Name}' (only methods of structs in this compilation)");
                }
            }

            IOperation? body = BodyOf(target, invocation.Syntax);
            if (body is null)
            {
                return LoweredValue.None;
            }

            return (receiver is null ? CallFunction(invocation, target, body) : null) ?? InlineBody(target, body, Bind(invocation.Arguments), receiver);
        }

        /// <summary><c>new S(a, b)</c> of a struct with source: a zeroed temporary, then the constructor inlined on it.</summary>
        private LoweredValue Construct(IObjectCreationOperation creation)
        {
            IMethodSymbol? constructor = creation.Constructor;
            ITypeSymbol type = creation.Type!;
            LoweredValue place = NewStructLocal(type, "new", creation.Syntax);
            if (constructor is null || place.Kind == LoweredValueKind.None)
            {
                return place;
            }

            CopyInto(place, LoweredValue.Zero(type), creation.Syntax);
            if (DslNames.Of(type) == DslNames.LpmKey)
            {
                return ConstructLpmKey(creation, place);
            }

            IOperation? body = BodyOf(constructor, creation.Syntax);
            if (body is null)
            {
                return LoweredValue.None;
            }

            InlineBody(constructor, body, Bind(creation.Arguments), place);
            return place;
        }

        /// <summary><c>new LpmKey&lt;T&gt;(prefixLength, data)</c>: its two fields stored (the DSL constructor does just that).</summary>
        private LoweredValue ConstructLpmKey(IObjectCreationOperation creation, LoweredValue place)
        {
            TypeLayout layout = Layout(place.Type!)!;
            foreach (IArgumentOperation argument in creation.Arguments)
            {
                string field = argument.Parameter?.Name == "prefixLength" ? "PrefixLength" : "Data";
                IFieldSymbol symbol = place.Type!.GetMembers(field).OfType<IFieldSymbol>().Single();
                Store(place.Field(layout.OffsetOf(symbol), symbol.Type), LowerValue(argument.Value), argument);
            }

            return place;
        }

        /// <summary>Parameters by value are copied (registers, new slots); ref, in and out alias the caller's place.</summary>
        private Dictionary<IParameterSymbol, LoweredValue> Bind(IEnumerable<IArgumentOperation> arguments)
        {
            var bound = new Dictionary<IParameterSymbol, LoweredValue>(SymbolEqualityComparer.Default);
            foreach (IArgumentOperation argument in arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0))
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
                        bound[parameter] = LoweredValue.Scalar(copy, Resolve(parameter.Type));
                        break;
                    case LoweredValueKind.Address:
                    case LoweredValueKind.Zero:
                        LoweredValue place = NewStructLocal(Resolve(parameter.Type), parameter.Name, argument.Syntax);
                        CopyInto(place, value, argument.Syntax);
                        bound[parameter] = place;
                        break;
                    default:
                        bound[parameter] = value;
                        break;
                }
            }

            return bound;
        }

        /// <summary>A property of a struct with source, read by inlining its getter with <c>this</c> bound to the instance.</summary>
        private LoweredValue InlineGetter(IPropertyReferenceOperation reference, LoweredValue instance)
        {
            IMethodSymbol? getter = reference.Property.GetMethod;
            if (getter is null || reference.Arguments.Length > 0 || instance.Kind != LoweredValueKind.Address && !getter.IsStatic)
            {
                return Unsupported(reference, $"the property '{reference.Property.ToDisplayString()}'");
            }

            IOperation? body = BodyOf(getter, reference.Syntax);
            return body is null ? LoweredValue.None : InlineBody(getter, body, new Dictionary<IParameterSymbol, LoweredValue>(SymbolEqualityComparer.Default), getter.IsStatic ? null : instance);
        }

        /// <summary>The body to inline, or null (reported) when the method has no source here or would recurse.</summary>
        private IOperation? BodyOf(IMethodSymbol target, SyntaxNode at)
        {
            IOperation? body = null;
            foreach (SyntaxReference reference in target.DeclaringSyntaxReferences)
            {
                SyntaxNode syntax = reference.GetSyntax(program.CancellationToken);
                if (program.Compilation.ContainsSyntaxTree(syntax.SyntaxTree))
                {
                    IOperation? operation = program.Model(syntax.SyntaxTree).GetOperation(syntax, program.CancellationToken);
                    body = operation is IMethodBodyOperation { BlockBody: null, ExpressionBody: null } ? null : operation as IMethodBodyOperation ?? operation as IConstructorBodyOperation ?? operation as ILocalFunctionOperation ?? (IOperation?)(operation as IBlockOperation);
                }
            }

            if (body is null && DslNames.Of(target.ContainingType).StartsWith("Ebpf.Dsl.", System.StringComparison.Ordinal))
            {
                program.Report(DiagnosticCatalogue.UnsupportedOperation, at, $"The DSL member '{target.ToDisplayString()}' (the compiler has no lowering for it yet)");
                return null;
            }

            if (body is null)
            {
                program.Report(DiagnosticCatalogue.CallWithoutSource, at, target.ToDisplayString());
                return null;
            }

            if (program.CallStack.Any(m => SymbolEqualityComparer.Default.Equals(m.OriginalDefinition, target.OriginalDefinition)))
            {
                program.Report(DiagnosticCatalogue.Recursion, at, Cycle(target));
                return null;
            }

            return body;
        }

        /// <summary>EBPF2007's cycle: the call stack from <paramref name="target"/>'s first frame back to <paramref name="target"/>.</summary>
        private string Cycle(IMethodSymbol target)
        {
            int first = program.CallStack.FindIndex(m => SymbolEqualityComparer.Default.Equals(m.OriginalDefinition, target.OriginalDefinition));
            return string.Join(" → ", program.CallStack.Skip(first).Select(m => m.Name).Concat(new[] { target.Name }));
        }

        private LoweredValue InlineBody(IMethodSymbol target, IOperation body, Dictionary<IParameterSymbol, LoweredValue> bound, LoweredValue? receiver)
        {
            BasicBlock after = f.Block(target.Name + ".return");
            var callee = new BodyLowering(program, target, bound, after, receiver, TypeArgumentsOf(target));
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

using System.Collections.Generic;
using System.Linq;
using Ebpf.Compiler.Diagnostics;
using Ebpf.Compiler.IR;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>
    /// BPF-to-BPF calls (kernel 4.16): a static method with source whose parameters and result are integers becomes a
    /// function of its own, called with <c>call pc+N</c>, when <c>[MethodImpl(MethodImplOptions.NoInlining)]</c> asks for
    /// it, or when it is called from two or more places and one copy plus a call per site is smaller than a copy per site.
    /// <c>AggressiveInlining</c> always inlines. Arguments travel in r1–r5, so a requested function with more than five
    /// parameters is EBPF4002 at the call; a struct goes by <c>in</c> as a pointer to the caller's stack.
    /// </summary>
    internal sealed partial class BodyLowering
    {
        private const int MaxCallArguments = 5;

        /// <summary>The call to <paramref name="target"/>'s BPF function, or null when the call is to be inlined.</summary>
        private LoweredValue? CallFunction(IInvocationOperation invocation, IMethodSymbol target, IOperation body)
        {
            MethodImplFlags flags = ImplFlags(target);
            if ((flags & MethodImplFlags.AggressiveInlining) != 0 || !target.IsStatic || target.MethodKind == MethodKind.LocalFunction && !target.IsStatic)
            {
                return null;
            }

            bool requested = (flags & MethodImplFlags.NoInlining) != 0;
            if (requested && target.Parameters.Length > MaxCallArguments)
            {
                program.Report(DiagnosticCatalogue.TooManyHelperArguments, invocation.Syntax, target.Name, target.Parameters.Length);
                return LoweredValue.None;
            }

            if (!HasFunctionShape(target))
            {
                return requested ? Unsupported(invocation, $"a BPF-to-BPF call to '{target.Name}' (its parameters must be integers by value or structs by 'in', its result an integer)") : null;
            }

            int sites = program.CallSites.TryGetValue(target, out int counted) ? counted : 1;
            if (!requested && sites < 2)
            {
                return null;
            }

            IrFunction? function = FunctionOf(target, body);
            if (function is null || !requested && !SmallerAsFunction(function, sites, target.Parameters.Length))
            {
                return null;
            }

            if (!program.Called.Contains(function))
            {
                program.Called.Add(function);
            }

            var arguments = new List<IrValue>();
            foreach (IArgumentOperation argument in invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0))
            {
                if (argument.Parameter!.RefKind != RefKind.None)
                {
                    // A struct by 'in': a pointer to it on the caller's stack (a copy unless it is a whole stack local).
                    LoweredValue place = LowerOperand(argument.Value);
                    if (place.Kind == LoweredValueKind.None)
                    {
                        return place;
                    }

                    arguments.Add(StackPointerTo(place, argument.Parameter.Type, argument.Syntax));
                    continue;
                }

                LoweredValue value = LowerValue(argument.Value);
                if (value.Kind != LoweredValueKind.Scalar)
                {
                    return value.Kind == LoweredValueKind.None ? value : Unsupported(argument.Value, "this argument");
                }

                arguments.Add(ScalarOf(value, argument.Parameter!.Type));
            }

            VirtualRegister? result = f.CallLocal(function.Name, function.ReturnType, arguments.ToArray());
            return target.ReturnsVoid || result is null ? LoweredValue.None : LoweredValue.Scalar(result, target.ReturnType);
        }

        /// <summary>Integer (bool, enum) parameters by value or structs by <c>in</c>, and an integer or void result.</summary>
        private bool HasFunctionShape(IMethodSymbol target) =>
            target.Parameters.Length <= MaxCallArguments &&
            target.Parameters.All(p => p.RefKind == RefKind.None && IsScalarType(p.Type) ||
                p.RefKind == RefKind.In && !IsScalarType(p.Type) && p.Type.IsValueType && Layout(p.Type) is not null) &&
            (target.ReturnsVoid || IsScalarType(target.ReturnType));

        /// <summary>One copy plus a call per site (argument moves, the call, the result) against a copy per site.</summary>
        private static bool SmallerAsFunction(IrFunction function, int sites, int parameters)
        {
            int size = function.Blocks.Sum(b => b.Instructions.Count);
            return size + 1 + sites * (parameters + 2) < sites * size;
        }

        /// <summary>The method lowered as a function of its own (once; cached in the program's context).</summary>
        private IrFunction? FunctionOf(IMethodSymbol target, IOperation body)
        {
            if (program.Functions.TryGetValue(target, out IrFunction? known))
            {
                return known;
            }

            program.Functions[target] = null;
            string name = target.Name;
            for (int k = 2; program.Functions.Values.Any(existing => existing?.Name == name) || name == program.Builder.Function.Name; k++)
            {
                name = target.Name + "_" + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            IrFunctionBuilder caller = program.Builder;
            var location = caller.Location;
            var builder = new IrFunctionBuilder(name, target.ReturnsVoid ? IrType.I32 : RegisterType(target.ReturnType));
            builder.Function.Location = ProgramLoweringContext.SourceOf(body.Syntax);
            var parameters = new Dictionary<IParameterSymbol, LoweredValue>(SymbolEqualityComparer.Default);
            foreach (IParameterSymbol parameter in target.Parameters)
            {
                parameters[parameter] = parameter.RefKind == RefKind.None
                    ? LoweredValue.Scalar(builder.Parameter(RegisterType(parameter.Type), parameter.Name), parameter.Type)
                    : LoweredValue.Address(builder.Parameter(IrType.PointerTo(PointerKind.Stack), parameter.Name), 0, parameter.Type);
            }

            builder.At(builder.Block("entry"));
            program.Builder = builder;
            program.CallStack.Add(target);
            try
            {
                new BodyLowering(program, target, parameters, null, typeArguments: TypeArgumentsOf(target)).Lower(body);
            }
            finally
            {
                program.CallStack.RemoveAt(program.CallStack.Count - 1);
                program.Builder = caller;
                caller.Location = location;
            }

            ProgramLowering.Finish(program, builder.Function);
            program.Functions[target] = builder.Function;
            return builder.Function;
        }

        /// <summary><c>[MethodImpl(...)]</c>'s options on the method (NoInlining 8, AggressiveInlining 256).</summary>
        private static MethodImplFlags ImplFlags(IMethodSymbol method)
        {
            AttributeData? attribute = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.CompilerServices.MethodImplAttribute");
            return attribute?.ConstructorArguments.FirstOrDefault().Value is object value ? (MethodImplFlags)System.Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        }
    }
}

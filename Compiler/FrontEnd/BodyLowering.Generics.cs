using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>
    /// Generic static methods are monomorphised: the body of <c>Pick&lt;T&gt;</c> is lowered once per call (inlined) or
    /// once per instantiation (a BPF function), with every type it reads resolved through the call's type arguments
    /// (<see cref="Resolve"/>); a call to an interface method on a struct-constrained type parameter goes to the struct's
    /// implementation. Static local functions are methods like any other, whose flow graph comes from their container's.
    /// </summary>
    internal sealed partial class BodyLowering
    {
        private Dictionary<ITypeParameterSymbol, ITypeSymbol>? typeArguments;

        /// <summary>The type with this body's type parameters replaced by the instantiation's type arguments.</summary>
        private ITypeSymbol Resolve(ITypeSymbol type) =>
            typeArguments != null && type is ITypeParameterSymbol parameter && typeArguments.TryGetValue(parameter, out ITypeSymbol? argument) ? argument : type;

        private TypeLayout? Layout(ITypeSymbol type) => program.Layout(Resolve(type));

        private int PrimitiveSize(ITypeSymbol type) => TypeLayout.PrimitiveSize(Resolve(type));

        /// <summary>For a callee of this body: its type parameters mapped to its type arguments, themselves resolved here.</summary>
        private Dictionary<ITypeParameterSymbol, ITypeSymbol>? TypeArgumentsOf(IMethodSymbol callee)
        {
            if (!callee.IsGenericMethod)
            {
                return null;
            }

            var map = new Dictionary<ITypeParameterSymbol, ITypeSymbol>(SymbolEqualityComparer.Default);
            for (int k = 0; k < callee.TypeParameters.Length; k++)
            {
                map[callee.OriginalDefinition.TypeParameters[k]] = Resolve(callee.TypeArguments[k]);
            }

            return map;
        }

        /// <summary>The method as this body's instantiation sees it (type arguments that are this body's type parameters resolved).</summary>
        private IMethodSymbol Instantiated(IMethodSymbol target)
        {
            if (!target.IsGenericMethod || typeArguments is null || target.TypeArguments.All(t => !(t is ITypeParameterSymbol)))
            {
                return target;
            }

            return target.OriginalDefinition.Construct(target.TypeArguments.Select(Resolve).ToArray());
        }

        /// <summary>
        /// <c>shape.Area()</c> where <c>shape</c>'s type is a type parameter bound to a struct: that struct's implementation
        /// of the interface method; null when the call is not of that kind.
        /// </summary>
        private IMethodSymbol? ConstrainedTarget(IInvocationOperation invocation)
        {
            IMethodSymbol target = invocation.TargetMethod;
            if (target.ContainingType?.TypeKind != TypeKind.Interface || invocation.Instance?.Type is not ITypeParameterSymbol parameter ||
                !(Resolve(parameter) is INamedTypeSymbol { TypeKind: TypeKind.Struct } implementer))
            {
                return null;
            }

            return implementer.FindImplementationForInterfaceMember(target) as IMethodSymbol;
        }

        /// <summary>A parameter of this body: by symbol, or (in a generic instantiation) by its definition.</summary>
        private bool TryParameter(IParameterSymbol parameter, out LoweredValue bound)
        {
            if (parameters.TryGetValue(parameter, out LoweredValue? found))
            {
                bound = found;
                return true;
            }

            foreach (KeyValuePair<IParameterSymbol, LoweredValue> pair in parameters)
            {
                if (SymbolEqualityComparer.Default.Equals(pair.Key.OriginalDefinition, parameter.OriginalDefinition))
                {
                    bound = pair.Value;
                    return true;
                }
            }

            bound = LoweredValue.None;
            return false;
        }
    }
}

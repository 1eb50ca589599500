using System.Collections.Generic;
using Ebpf.Compiler.IR;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>
    /// <c>Atomic.Add/FetchAdd/Exchange/CompareExchange(ref place, …)</c> as one BPF_ATOMIC instruction on a map
    /// value or stack place (the kernel refuses atomics on the context and the packet).
    /// </summary>
    internal sealed partial class BodyLowering
    {
        private LoweredValue AtomicCall(IInvocationOperation invocation)
        {
            IMethodSymbol target = invocation.TargetMethod;
            IReadOnlyList<IArgumentOperation> arguments = Ordered(invocation);
            AtomicOperation operation;
            bool fetch;
            switch (target.Name)
            {
                case "Add" when arguments.Count == 2: operation = AtomicOperation.Add; fetch = false; break;
                case "FetchAdd" when arguments.Count == 2: operation = AtomicOperation.Add; fetch = true; break;
                case "Or" when arguments.Count == 2: operation = AtomicOperation.Or; fetch = false; break;
                case "And" when arguments.Count == 2: operation = AtomicOperation.And; fetch = false; break;
                case "Xor" when arguments.Count == 2: operation = AtomicOperation.Xor; fetch = false; break;
                case "Exchange" when arguments.Count == 2: operation = AtomicOperation.Exchange; fetch = true; break;
                case "CompareExchange" when arguments.Count == 3: operation = AtomicOperation.CompareExchange; fetch = true; break;
                default: return Unsupported(invocation, $"'Atomic.{target.Name}'");
            }

            ITypeSymbol elementType = arguments[0].Parameter!.Type;
            LoweredValue place = LowerOperand(arguments[0].Value);
            if (place.Kind != LoweredValueKind.Address)
            {
                return place.Kind == LoweredValueKind.None ? place : Unsupported(arguments[0].Value, "an atomic on something other than a field of a map value or a local");
            }

            PointerKind pointer = place.Value!.Type.Pointer;
            if (pointer != PointerKind.Stack && pointer != PointerKind.MapValue)
            {
                return Unsupported(arguments[0].Value, "an atomic on the context or the packet (the kernel allows them on map values and the stack)");
            }

            IrType type = RegisterType(elementType);
            IrValue value = AtomicOperand(arguments[1], type);
            IrValue? comparand = operation == AtomicOperation.CompareExchange ? AtomicOperand(arguments[2], type) : null;
            VirtualRegister? old = f.Atomic(operation, place.Value!, place.Offset, value, fetch, comparand);
            return old is null ? LoweredValue.None : LoweredValue.Scalar(old, target.ReturnType);
        }

        private IrValue AtomicOperand(IArgumentOperation argument, IrType type)
        {
            LoweredValue value = LowerValue(argument.Value);
            return value.Kind == LoweredValueKind.Scalar ? Resize(value.Value!, IsSigned(value.Type), type) : IrFunctionBuilder.Constant(type, 0);
        }
    }
}

using System.Linq;
using Ebpf.Asm;
using Ebpf.Compiler.IR;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>
    /// Elements of fixed-size buffers: <c>fixed</c> buffer fields, <c>[InlineArray(N)]</c> structs and <c>stackalloc</c>
    /// spans, each a <see cref="LoweredValueKind.StackBuffer"/> (a pointer, an offset and N elements, on the stack or in a
    /// map value or packet). A constant index is checked at compile time; a variable index gets one unsigned compare with
    /// N whose failing side ends the program with the type's abort verdict (where C# would throw
    /// <c>IndexOutOfRangeException</c>), which is also the bound the verifier needs for the variable offset.
    /// <c>foreach</c> over a span walks an index register (<see cref="LoweredValueKind.SpanEnumerator"/>).
    /// </summary>
    internal sealed partial class BodyLowering
    {
        /// <summary>The element place of <c>buffer[index]</c> for fixed buffers and inline arrays; null for other operations.</summary>
        private LoweredValue? ElementAccess(IOperation operation)
        {
            IOperation? container = null;
            IOperation? index = null;
            if (operation is IInlineArrayAccessOperation inline)
            {
                container = inline.Instance;
                index = inline.Argument;
            }
            else if (operation.Kind == OperationKind.None && operation.Syntax is ElementAccessExpressionSyntax &&
                operation.ChildOperations.ToList() is { Count: 2 } children && children[0] is IFieldReferenceOperation { Field: { IsFixedSizeBuffer: true } })
            {
                container = children[0];
                index = children[1];
            }

            if (container is null || index is null)
            {
                return null;
            }

            LoweredValue buffer = Buffer(LowerOperand(container), container);
            return buffer.Kind == LoweredValueKind.StackBuffer ? Element(buffer, index) : buffer;
        }

        /// <summary>An <c>[InlineArray(N)]</c> struct's place seen as a buffer of N elements; other values as they are.</summary>
        private LoweredValue Buffer(LoweredValue place, IOperation at)
        {
            if (place.Kind != LoweredValueKind.Address || place.Type is not INamedTypeSymbol type)
            {
                return place.Kind == LoweredValueKind.StackBuffer || place.Kind == LoweredValueKind.None ? place : Unsupported(at, "this buffer");
            }

            AttributeData? inlineArray = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.CompilerServices.InlineArrayAttribute");
            IFieldSymbol? element = type.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(field => !field.IsStatic && !field.IsConst);
            if (!(inlineArray?.ConstructorArguments.FirstOrDefault().Value is int length) || element is null || Layout(element.Type) is null)
            {
                return Unsupported(at, $"indexing '{type.ToDisplayString()}'");
            }

            return LoweredValue.StackBuffer(place.Value!, place.Offset, length, element.Type);
        }

        /// <summary><c>buffer[index]</c> as the element's place.</summary>
        private LoweredValue Element(LoweredValue buffer, IOperation index)
        {
            int elementSize = Layout(buffer.Type!)!.Size;
            if (index.ConstantValue is { HasValue: true, Value: int position })
            {
                return position < 0 || position >= buffer.Length
                    ? Unsupported(index, $"index {position} of a buffer of {buffer.Length} elements")
                    : LoweredValue.Address(buffer.Value!, buffer.Offset + position * elementSize, buffer.Type!);
            }

            if (buffer.Value!.Type.Pointer == PointerKind.Context)
            {
                return Unsupported(index, "a variable index into a context field (the verifier allows constant offsets only)");
            }

            if (f.Function != program.Entry)
            {
                return Unsupported(index, "a variable index in a method compiled as a BPF-to-BPF function (only the program can end with the abort verdict; mark the method [MethodImpl(MethodImplOptions.AggressiveInlining)])");
            }

            LoweredValue value = LowerValue(index);
            return value.Kind == LoweredValueKind.Scalar ? ElementAt(buffer, Resize(value.Value!, IsSigned(value.Type), IrType.I64)) : value;
        }

        /// <summary>The element at a 64-bit index register, after the bounds check that aborts the program.</summary>
        private LoweredValue ElementAt(LoweredValue buffer, IrValue index)
        {
            BasicBlock inside = f.Block("inRange");
            BasicBlock outside = f.Block("outOfRange");
            f.Branch(Ebpf.Compiler.IR.Condition.UnsignedGreaterOrEqual, index, IrFunctionBuilder.I64(buffer.Length), outside, inside);
            f.At(outside);
            f.Return(IrFunctionBuilder.Constant(f.Function.ReturnType ?? IrType.I32, AbortVerdict));
            f.At(inside);
            int elementSize = Layout(buffer.Type!)!.Size;
            IrValue scaled = elementSize == 1 ? index : f.Multiply(index, IrFunctionBuilder.I64(elementSize));
            return LoweredValue.Address(f.Add(PointerOf(buffer), scaled), 0, buffer.Type!);
        }

        /// <summary>What an out-of-range index returns: XDP_ABORTED, TC_ACT_SHOT, or 0 (drop) for the socket types.</summary>
        private long AbortVerdict => program.ProgramType == ProgramType.SchedCls ? 2 : 0;

        /// <summary><c>span.GetEnumerator()</c>, <c>MoveNext()</c>, <c>Current</c> of a <c>foreach</c> over a span; null for other calls.</summary>
        private LoweredValue? SpanEnumeration(IInvocationOperation invocation)
        {
            IMethodSymbol target = invocation.TargetMethod;
            if (invocation.Instance is null || target.ContainingType is null)
            {
                return null;
            }

            if (target.Name == "GetEnumerator" && IsSpan(target.ContainingType))
            {
                LoweredValue buffer = LowerOperand(invocation.Instance);
                if (buffer.Kind != LoweredValueKind.StackBuffer)
                {
                    return buffer.Kind == LoweredValueKind.None ? buffer : Unsupported(invocation, "'foreach' over a span that is not a 'stackalloc' of constant length");
                }

                VirtualRegister position = f.Register(IrType.I64, "index");
                f.Assign(position, IrFunctionBuilder.I64(-1));
                return LoweredValue.SpanEnumerator(buffer, position);
            }

            if (target.Name == "MoveNext" && target.ContainingType.ContainingType is { } span && IsSpan(span))
            {
                LoweredValue enumerator = LowerOperand(invocation.Instance);
                if (enumerator.Kind != LoweredValueKind.SpanEnumerator)
                {
                    return enumerator.Kind == LoweredValueKind.None ? enumerator : Unsupported(invocation, "this span enumerator");
                }

                var position = (VirtualRegister)enumerator.Index!;
                f.Assign(position, f.Add(position, IrFunctionBuilder.I64(1)));
                return LoweredValue.Scalar(f.Compare(Ebpf.Compiler.IR.Condition.SignedLess, position, IrFunctionBuilder.I64(enumerator.Length)), target.ReturnType);
            }

            return null;
        }

        /// <summary><c>enumerator.Current</c> of a span <c>foreach</c>: the element at the index; null for other properties.</summary>
        private LoweredValue? SpanEnumeratorCurrent(IPropertyReferenceOperation reference)
        {
            if (reference.Property.Name != "Current" || reference.Instance is null || !(reference.Property.ContainingType?.ContainingType is { } span && IsSpan(span)))
            {
                return null;
            }

            LoweredValue enumerator = LowerOperand(reference.Instance);
            return enumerator.Kind == LoweredValueKind.SpanEnumerator
                ? ElementAt(LoweredValue.StackBuffer(enumerator.Value!, enumerator.Offset, enumerator.Length, enumerator.Type!), enumerator.Index!)
                : enumerator.Kind == LoweredValueKind.None ? enumerator : Unsupported(reference, "this span enumerator");
        }
    }
}

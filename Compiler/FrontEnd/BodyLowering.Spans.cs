using System.Collections.Generic;
using Ebpf.Compiler.IR;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>
    /// <c>Span&lt;T&gt; buffer = stackalloc T[N]</c> with a constant small N: a zeroed stack slot (C# zeroes it too);
    /// <c>buffer[i]</c> (<c>BodyLowering.Elements</c>), <c>buffer.Length</c>, <c>ctx.LoadBytes(offset, buffer)</c>
    /// (bpf_xdp_load_bytes / bpf_skb_load_bytes) and <c>Bpf.CsumDiff</c> (bpf_csum_diff).
    /// </summary>
    internal sealed partial class BodyLowering
    {
        private const int SkbLoadBytes = 26;
        private const int CsumDiffHelper = 28;
        private const int XdpLoadBytes = 189;
        private const int StackBufferLimit = 256;

        private static bool IsSpan(ITypeSymbol type)
        {
            string name = type.OriginalDefinition.ToDisplayString();
            return name == "System.Span<T>" || name == "System.ReadOnlySpan<T>";
        }

        private LoweredValue AssignSpanLocal(ILocalReferenceOperation local, IOperation value)
        {
            LoweredValue buffer = SpanValue(value, local.Local.Name);
            locals[local.Local] = buffer;
            return buffer;
        }

        /// <summary>A span: another span local, or a <c>stackalloc</c> of constant length (a new zeroed slot).</summary>
        private LoweredValue SpanValue(IOperation value, string name)
        {
            StackAllocArrayCreationExpressionSyntax? stackAlloc = null;
            for (IOperation? at = value; at is not null; at = (at as IConversionOperation)?.Operand)
            {
                stackAlloc ??= at.Syntax as StackAllocArrayCreationExpressionSyntax;
            }

            if (stackAlloc is null)
            {
                LoweredValue other = LowerOperand(value);
                return other.Kind == LoweredValueKind.StackBuffer || other.Kind == LoweredValueKind.None
                    ? other
                    : Unsupported(value, "a span that is not a 'stackalloc' of constant length");
            }

            ITypeSymbol element = ((INamedTypeSymbol)value.Type!).TypeArguments[0];
            int? length = StackAllocLength(value, stackAlloc);
            TypeLayout? layout = Layout(element);
            if (stackAlloc.Initializer is not null || length is null || layout is null || length.Value * layout.Size > StackBufferLimit)
            {
                return Unsupported(value, $"a 'stackalloc' other than 'stackalloc {element.ToDisplayString()}[N]' with a constant N of at most {StackBufferLimit} bytes and no initializer");
            }

            int size = (length.Value * layout.Size + 7) / 8 * 8;
            StackSlot slot = f.StackSlot(System.Math.Max(size, 8), 8, name);
            for (int offset = 0; offset < size; offset += 8)
            {
                f.Store(slot, offset, IrFunctionBuilder.I64(0));
            }

            return LoweredValue.StackBuffer(slot, 0, length.Value, element);
        }

        private static int? StackAllocLength(IOperation value, StackAllocArrayCreationExpressionSyntax syntax)
        {
            if (!(syntax.Type is ArrayTypeSyntax { RankSpecifiers: { Count: 1 } ranks }) || ranks[0].Sizes.Count != 1)
            {
                return null;
            }

            ExpressionSyntax size = ranks[0].Sizes[0];
            foreach (IOperation part in value.DescendantsAndSelf())
            {
                if (part.Syntax == size && part.ConstantValue is { HasValue: true, Value: int length })
                {
                    return length > 0 ? length : null;
                }
            }

            Optional<object?> constant = value.SemanticModel?.GetConstantValue(size) ?? default;
            return constant.HasValue && constant.Value is int known && known > 0 ? known : null;
        }

        /// <summary><c>span[index]</c> as the element's place, <c>span.Length</c> as a constant; null for other properties.</summary>
        private LoweredValue? SpanMember(IPropertyReferenceOperation reference)
        {
            if (reference.Instance is null || !IsSpan(reference.Property.ContainingType))
            {
                return null;
            }

            LoweredValue buffer = LowerOperand(reference.Instance);
            if (buffer.Kind != LoweredValueKind.StackBuffer)
            {
                return buffer.Kind == LoweredValueKind.None ? buffer : Unsupported(reference, "a span that is not a 'stackalloc' of constant length");
            }

            if (reference.Property.Name == "Length")
            {
                return LoweredValue.Scalar(IrFunctionBuilder.I32(buffer.Length), reference.Type);
            }

            if (!reference.Property.IsIndexer || reference.Arguments.Length != 1)
            {
                return Unsupported(reference, $"'Span.{reference.Property.Name}'");
            }

            return Element(buffer, reference.Arguments[0].Value);
        }

        /// <summary><c>ctx.LoadBytes(offset, buffer)</c>: the program type's load-bytes helper into the whole buffer.</summary>
        private LoweredValue LoadBytes(IInvocationOperation invocation, LoweredValue context, IReadOnlyList<IArgumentOperation> arguments)
        {
            if (context.Kind != LoweredValueKind.Context)
            {
                return context.Kind == LoweredValueKind.None ? context : Unsupported(invocation, "a context other than the program's parameter");
            }

            LoweredValue buffer = LowerValue(arguments[1].Value);
            if (buffer.Kind != LoweredValueKind.StackBuffer)
            {
                return buffer.Kind == LoweredValueKind.None ? buffer : Unsupported(arguments[1].Value, "a destination that is not a 'stackalloc' span of constant length");
            }

            int helper = DslNames.Of(invocation.TargetMethod.ContainingType) == DslNames.XdpContext ? XdpLoadBytes : SkbLoadBytes;
            int bytes = buffer.Length * Layout(buffer.Type!)!.Size;
            IrValue returned = f.CallHelper(helper, IrType.I64, context.Value!, Argument64(arguments[0]), PointerOf(buffer), IrFunctionBuilder.I64(bytes))!;
            return LoweredValue.Scalar(returned, invocation.TargetMethod.ReturnType);
        }

        /// <summary>
        /// <c>ctx.LoadBytes(offset, ref destination, length)</c>: the load-bytes helper into a struct place of stack, map or
        /// ring memory, called only when <c>1 &lt;= length &lt;= sizeof(T)</c> (two unsigned compares on the length register,
        /// which are the verifier's bounds for the size argument); otherwise the result is -EINVAL, as on the CLR.
        /// </summary>
        private LoweredValue LoadBytesOfLength(IInvocationOperation invocation, LoweredValue context, IReadOnlyList<IArgumentOperation> arguments)
        {
            if (context.Kind != LoweredValueKind.Context)
            {
                return context.Kind == LoweredValueKind.None ? context : Unsupported(invocation, "a context other than the program's parameter");
            }

            ITypeSymbol type = invocation.TargetMethod.TypeArguments[0];
            LoweredValue destination = LowerOperand(arguments[1].Value);
            if (destination.Kind != LoweredValueKind.Address || destination.Value!.Type.Pointer == PointerKind.Context || destination.Value.Type.Pointer == PointerKind.Packet ||
                Layout(type) is not TypeLayout layout)
            {
                return destination.Kind == LoweredValueKind.None ? destination : Unsupported(arguments[1].Value, "a destination that is not a struct field or local of stack, map or ring-buffer memory");
            }

            IrValue offset = Argument64(arguments[0]);
            IrValue length = Argument64(arguments[2]);
            VirtualRegister result = f.Register(IrType.I64, "loaded");
            BasicBlock atLeastOne = f.Block("lengthAtLeastOne");
            BasicBlock call = f.Block("loadBytes");
            BasicBlock invalid = f.Block("lengthInvalid");
            BasicBlock done = f.Block("loaded");
            f.Branch(Ebpf.Compiler.IR.Condition.UnsignedGreater, length, IrFunctionBuilder.I64(layout.Size), invalid, atLeastOne);
            f.At(atLeastOne);
            f.Branch(Ebpf.Compiler.IR.Condition.UnsignedLess, length, IrFunctionBuilder.I64(1), invalid, call);
            f.At(call);
            int helper = DslNames.Of(invocation.TargetMethod.ContainingType) == DslNames.XdpContext ? XdpLoadBytes : SkbLoadBytes;
            f.Assign(result, f.CallHelper(helper, IrType.I64, context.Value!, offset, PointerOf(destination), length)!);
            f.Jump(done);
            f.At(invalid);
            f.Assign(result, IrFunctionBuilder.I64(-22));
            f.Jump(done);
            f.At(done);
            return LoweredValue.Scalar(result, invocation.TargetMethod.ReturnType);
        }

        /// <summary><c>Bpf.CsumDiff(in from, in to, seed)</c> / <c>Bpf.CsumDiff(in to, seed)</c>: bpf_csum_diff over the values' bytes.</summary>
        private LoweredValue CsumDiff(IInvocationOperation invocation, IReadOnlyList<IArgumentOperation> arguments)
        {
            IMethodSymbol target = invocation.TargetMethod;
            if (target.TypeArguments.Length != arguments.Count - 1)
            {
                return Unsupported(invocation, "this 'Bpf.CsumDiff' overload");
            }

            var pointers = new List<(IrValue Pointer, int Size)>();
            for (int k = 0; k < arguments.Count - 1; k++)
            {
                ITypeSymbol type = target.TypeArguments[k];
                if (Layout(type) is not TypeLayout layout)
                {
                    return Unsupported(arguments[k].Value, $"'{type.ToDisplayString()}' (no fixed unmanaged layout)");
                }

                LoweredValue place = LowerOperand(arguments[k].Value);
                // Packet and map memory go to the helper as they are; anything else through a stack copy.
                IrValue pointer = place.Kind == LoweredValueKind.Address && place.Value!.Type.Pointer != PointerKind.Context
                    ? PointerOf(place)
                    : StackPointerTo(place.Kind == LoweredValueKind.Address ? place : Read(place), type, arguments[k].Syntax);
                pointers.Add((pointer, layout.Size));
            }

            (IrValue Pointer, int Size) from = pointers.Count == 2 ? pointers[0] : (IrFunctionBuilder.I64(0), 0);
            (IrValue Pointer, int Size) to = pointers[pointers.Count - 1];
            IrValue seed = Argument64(arguments[arguments.Count - 1]);
            IrValue returned = f.CallHelper(CsumDiffHelper, IrType.I64, from.Pointer, IrFunctionBuilder.I64(from.Size), to.Pointer, IrFunctionBuilder.I64(to.Size), seed)!;
            return LoweredValue.Scalar(returned, target.ReturnType);
        }

        private IrValue PointerOf(LoweredValue place) =>
            place.Offset == 0 ? place.Value! : f.Add(place.Value!, IrFunctionBuilder.I64(place.Offset));
    }
}

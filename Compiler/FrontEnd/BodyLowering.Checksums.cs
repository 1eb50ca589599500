using System.Collections.Generic;
using Ebpf.Compiler.IR;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>
    /// <c>Checksum.*</c> (RFC 1071 / RFC 1624, as the DSL's managed code computes them) lowered to plain ALU instructions:
    /// <c>Add</c> and <c>Subtract</c> take the end-around carry from a 64-bit sum, <c>Fold</c> folds twice, <c>Replace16</c>
    /// and <c>Replace32</c> combine them, <c>Partial</c> sums a value's 16-bit words unrolled (its size is constant).
    /// </summary>
    internal sealed partial class BodyLowering
    {
        private const string ChecksumName = "Ebpf.Dsl.Packets.Checksum";

        /// <summary>Partial sums over more bytes than this are refused (two carry folds are exact below 2^16 words).</summary>
        private const int PartialLimit = 512;

        private LoweredValue ChecksumCall(IInvocationOperation invocation)
        {
            IMethodSymbol target = invocation.TargetMethod;
            IReadOnlyList<IArgumentOperation> arguments = Ordered(invocation);
            if (target.Name == "Partial" && arguments.Count == 2)
            {
                return ChecksumPartial(invocation, arguments);
            }

            var values = new List<IrValue>();
            foreach (IArgumentOperation argument in arguments)
            {
                LoweredValue value = LowerValue(argument.Value);
                if (value.Kind != LoweredValueKind.Scalar)
                {
                    return value.Kind == LoweredValueKind.None ? value : Unsupported(argument.Value, "this checksum operand");
                }

                values.Add(ScalarOf(value, argument.Parameter!.Type));
            }

            IrValue result;
            switch (target.Name)
            {
                case "Add" when values.Count == 2:
                    result = OnesComplementAdd(values[0], values[1]);
                    break;
                case "Subtract" when values.Count == 2:
                    result = OnesComplementAdd(values[0], f.Unary(UnaryOperation.Not, Materialized(values[1])));
                    break;
                case "Fold" when values.Count == 1:
                    result = f.Convert(ConversionKind.Truncate, f.Unary(UnaryOperation.Not, FoldTo16(values[0])), IrType.I16);
                    break;
                case "FoldWithoutComplement" when values.Count == 1:
                    result = f.Convert(ConversionKind.Truncate, FoldTo16(values[0]), IrType.I16);
                    break;
                case "Replace16" when values.Count == 3:
                case "Replace32" when values.Count == 3:
                {
                    // Add(Add((ushort)~check, ~from), to) then Fold; (ushort)~x of a zero-extended ushort is x ^ 0xffff.
                    IrValue check = f.Xor(Resize(values[0], false, IrType.I32), IrFunctionBuilder.I32(0xffff));
                    IrValue from = target.Name == "Replace16"
                        ? f.Xor(Resize(values[1], false, IrType.I32), IrFunctionBuilder.I32(0xffff))
                        : f.Unary(UnaryOperation.Not, Materialized(values[1]));
                    IrValue sum = OnesComplementAdd(OnesComplementAdd(check, from), Resize(values[2], false, IrType.I32));
                    result = f.Convert(ConversionKind.Truncate, f.Unary(UnaryOperation.Not, FoldTo16(sum)), IrType.I16);
                    break;
                }

                default:
                    return Unsupported(invocation, $"'Checksum.{target.Name}'");
            }

            return LoweredValue.Scalar(result, target.ReturnType);
        }

        /// <summary>A constant in a register, so that a unary operation has a register operand.</summary>
        private IrValue Materialized(IrValue value) => value is IrConstant ? f.Move(value) : value;

        /// <summary>Kernel <c>csum_add</c>: the 32-bit sum plus its carry, computed as a 64-bit sum folded once.</summary>
        private IrValue OnesComplementAdd(IrValue left, IrValue right)
        {
            IrValue sum = f.Add(Resize(left, false, IrType.I64), Resize(right, false, IrType.I64));
            IrValue carry = f.Convert(ConversionKind.Truncate, f.ShiftRight(sum, IrFunctionBuilder.I64(32), false), IrType.I32);
            return f.Add(f.Convert(ConversionKind.Truncate, sum, IrType.I32), carry);
        }

        /// <summary><c>sum = (sum &amp; 0xffff) + (sum &gt;&gt; 16)</c> twice, in 32 bits: the folded one's-complement sum (not complemented).</summary>
        private IrValue FoldTo16(IrValue sum)
        {
            IrValue value = Resize(sum, false, IrType.I32);
            for (int round = 0; round < 2; round++)
            {
                value = f.Add(f.And(value, IrFunctionBuilder.I32(0xffff)), f.ShiftRight(value, IrFunctionBuilder.I32(16), false));
            }

            return value;
        }

        /// <summary>
        /// <c>Checksum.Partial(in value, seed)</c> or <c>Checksum.Partial(span, seed)</c>: the value's bytes as little-endian
        /// 16-bit words (an odd last byte alone) added to the seed in 64 bits, then the carries folded back twice.
        /// </summary>
        private LoweredValue ChecksumPartial(IInvocationOperation invocation, IReadOnlyList<IArgumentOperation> arguments)
        {
            IMethodSymbol target = invocation.TargetMethod;
            IOperation data = arguments[0].Value;
            while (data is IConversionOperation conversion && IsSpan(conversion.Operand.Type!))
            {
                data = conversion.Operand;
            }

            LoweredValue place = LowerOperand(data);
            place = place.Kind == LoweredValueKind.NetworkOrder ? Read(place) : place;
            int size;
            ITypeSymbol type;
            if (place.Kind == LoweredValueKind.StackBuffer)
            {
                type = place.Type!;
                size = place.Length * Layout(type)!.Size;
                place = LoweredValue.Address(place.Value!, place.Offset, type);
            }
            else if (target.TypeArguments.Length == 1 && Layout(target.TypeArguments[0]) is TypeLayout layout)
            {
                type = target.TypeArguments[0];
                size = layout.Size;
            }
            else
            {
                return place.Kind == LoweredValueKind.None ? place : Unsupported(data, "this checksum operand (a value of fixed layout, or a 'stackalloc' span)");
            }

            if (size > PartialLimit)
            {
                return Unsupported(data, $"a partial checksum over {size} bytes (at most {PartialLimit})");
            }

            LoweredValue seed = LowerValue(arguments[1].Value);
            if (place.Kind == LoweredValueKind.None || seed.Kind != LoweredValueKind.Scalar)
            {
                return LoweredValue.None;
            }

            if (place.Kind != LoweredValueKind.Address || place.Value!.Type.Pointer == PointerKind.Context ||
                place.Value.Type.Pointer == PointerKind.Stack && !(place.Value is StackSlot { PlacedAlignment: >= 2 } && (place.Offset & 1) == 0))
            {
                // Scalars, context fields and odd stack places go through an 8-aligned copy (the verifier wants aligned stack loads).
                StackSlot copy = f.StackSlot((size + 7) / 8 * 8, 8, "partial");
                if (place.Kind == LoweredValueKind.Scalar)
                {
                    f.Store(copy, 0, ScalarOf(place, type), size * 8);
                }
                else
                {
                    for (int offset = 0; offset < size; offset++)
                    {
                        f.Store(copy, offset, f.Load(IrType.I8, place.Value!, place.Offset + offset, 8), 8);
                    }
                }

                place = LoweredValue.Address(copy, 0, type);
            }

            IrValue sum = Resize(ScalarOf(seed, arguments[1].Parameter!.Type), false, IrType.I64);
            for (int offset = 0; offset < size; offset += 2)
            {
                int width = offset + 1 < size ? 16 : 8;
                IrValue word = f.Load(IrType.Scalar(width), place.Value!, place.Offset + offset, width);
                sum = f.Add(sum, Resize(word, false, IrType.I64));
            }

            for (int round = 0; round < 2; round++)
            {
                IrValue low = Resize(f.Convert(ConversionKind.Truncate, sum, IrType.I32), false, IrType.I64);
                sum = f.Add(low, f.ShiftRight(sum, IrFunctionBuilder.I64(32), false));
            }

            return LoweredValue.Scalar(f.Convert(ConversionKind.Truncate, sum, IrType.I32), target.ReturnType);
        }
    }
}

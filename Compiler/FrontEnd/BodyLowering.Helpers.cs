using System.Collections.Generic;
using System.Linq;
using Ebpf.Compiler.Diagnostics;
using Ebpf.Compiler.IR;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>Helper calls: <c>Bpf</c> (trace_printk, time, random, CPU), byte order, Math.Min/Max, context helpers, ring buffer records.</summary>
    internal sealed partial class BodyLowering
    {
        private LoweredValue BpfCall(IInvocationOperation invocation)
        {
            IMethodSymbol target = invocation.TargetMethod;
            IReadOnlyList<IArgumentOperation> arguments = Ordered(invocation);
            if (target.Name == "CsumDiff")
            {
                return CsumDiff(invocation, arguments);
            }

            if (target.Name == "TracePrintk")
            {
                LoweredValue format = LowerValue(arguments[0].Value);
                if (format.Kind != LoweredValueKind.String)
                {
                    program.Report(DiagnosticCatalogue.StringOutsideFormat, arguments[0].Syntax);
                    return LoweredValue.None;
                }

                byte[] bytes = System.Text.Encoding.UTF8.GetBytes(format.Name + "\0");
                StackSlot slot = f.StackSlot((bytes.Length + 7) / 8 * 8, 8, "format");
                for (int position = 0; position < bytes.Length; position += 4)
                {
                    long word = 0;
                    for (int k = 0; k < 4 && position + k < bytes.Length; k++)
                    {
                        word |= (long)bytes[position + k] << (8 * k);
                    }

                    f.Store(slot, position, IrFunctionBuilder.I32(word), 32);
                }

                var values = new List<IrValue> { slot, IrFunctionBuilder.I32(bytes.Length) };
                values.AddRange(arguments.Skip(1).Select(Argument64));
                return LoweredValue.Scalar(f.CallHelper(TracePrintk, IrType.I64, values.ToArray())!, target.ReturnType);
            }

            if (DslNames.Attribute(target, DslNames.HelperCall) is { } helper && helper.ConstructorArguments.Length > 0 && helper.ConstructorArguments[0].Value is int id &&
                target.Parameters.All(p => IsScalarType(p.Type) && p.RefKind == RefKind.None) && IsScalarType(target.ReturnType))
            {
                IrValue[] values = arguments.Select(Argument64).ToArray();
                IrValue returned = f.CallHelper(id, IrType.I64, values)!;
                return LoweredValue.Scalar(Resize(returned, false, RegisterType(target.ReturnType)), target.ReturnType);
            }

            return Unsupported(invocation, $"'Bpf.{target.Name}'");
        }

        /// <summary><c>Math.Min</c> / <c>Math.Max</c> of integers: a compare and a choice.</summary>
        private LoweredValue MinMax(IInvocationOperation invocation)
        {
            ITypeSymbol type = invocation.TargetMethod.ReturnType;
            IReadOnlyList<IArgumentOperation> arguments = Ordered(invocation);
            LoweredValue left = LowerValue(arguments[0].Value);
            LoweredValue right = LowerValue(arguments[1].Value);
            if (left.Kind != LoweredValueKind.Scalar || right.Kind != LoweredValueKind.Scalar)
            {
                return LoweredValue.None;
            }

            VirtualRegister chosen = f.Register(RegisterType(type), invocation.TargetMethod.Name.ToLowerInvariant());
            IrValue l = ScalarOf(left, type);
            IrValue r = ScalarOf(right, type);
            f.Assign(chosen, l);
            bool signed = IsSigned(type);
            Condition keepLeft = invocation.TargetMethod.Name == "Min"
                ? (signed ? Ebpf.Compiler.IR.Condition.SignedLessOrEqual : Ebpf.Compiler.IR.Condition.UnsignedLessOrEqual)
                : (signed ? Ebpf.Compiler.IR.Condition.SignedGreaterOrEqual : Ebpf.Compiler.IR.Condition.UnsignedGreaterOrEqual);
            BranchCondition compare = Compare(keepLeft, chosen, r);
            BasicBlock takeRight = f.Block("takeRight");
            BasicBlock done = f.Block("chosen");
            if (compare.Constant is bool known)
            {
                f.Jump(known ? done : takeRight);
            }
            else
            {
                f.Branch(compare.Condition, compare.Left!, compare.Right!, done, takeRight);
            }

            f.At(takeRight);
            f.Assign(chosen, r);
            f.Jump(done);
            f.At(done);
            return LoweredValue.Scalar(chosen, type);
        }

        /// <summary><c>record.Submit(flags)</c> / <c>record.Discard(flags)</c> on a reserved ring buffer record.</summary>
        private LoweredValue RecordCall(IInvocationOperation invocation)
        {
            IMethodSymbol target = invocation.TargetMethod;
            LoweredValue record = invocation.Instance is null ? LoweredValue.None : LowerValue(invocation.Instance);
            if (record.Kind != LoweredValueKind.MapValue || (target.Name != "Submit" && target.Name != "Discard"))
            {
                return record.Kind == LoweredValueKind.None ? record : Unsupported(invocation, $"'RingBufferRecord.{target.Name}'");
            }

            CheckNotNull(invocation.Instance!, DiagnosticCatalogue.UncheckedMapValue, "Reserve");
            IrValue pointer = f.Convert(ConversionKind.AssumeNonNull, record.Value!, IrType.PointerTo(PointerKind.MapValue));
            IrValue flags = invocation.Arguments.Length == 1 ? Argument64(invocation.Arguments[0]) : IrFunctionBuilder.I64(0);
            f.CallHelper(target.Name == "Submit" ? RingbufSubmit : RingbufDiscard, null, pointer, flags);
            return LoweredValue.None;
        }

        private LoweredValue ByteOrder(IInvocationOperation invocation)
        {
            LoweredValue value = invocation.Arguments.Length == 1 ? LowerValue(invocation.Arguments[0].Value) : LoweredValue.None;
            if (value.Kind != LoweredValueKind.Scalar || !IsScalarType(invocation.TargetMethod.ReturnType))
            {
                return value.Kind == LoweredValueKind.None ? value : Unsupported(invocation, "this byte-order call");
            }

            ITypeSymbol type = invocation.TargetMethod.ReturnType;
            IrValue operand = ScalarOf(value, type);
            return LoweredValue.Scalar(f.Unary(UnaryOperation.ByteSwap, operand is IrConstant ? f.Move(operand) : operand), type);
        }

        private LoweredValue ContextCall(IInvocationOperation invocation)
        {
            IMethodSymbol target = invocation.TargetMethod;
            LoweredValue context = invocation.Instance is null ? LoweredValue.None : LowerValue(invocation.Instance);
            IReadOnlyList<IArgumentOperation> arguments = Ordered(invocation);
            if (target.Name == "LoadBytes" && arguments.Count == 2)
            {
                return LoadBytes(invocation, context, arguments);
            }

            if (target.Name == "LoadBytes" && arguments.Count == 3)
            {
                return LoadBytesOfLength(invocation, context, arguments);
            }

            int helper;
            bool passContext = true;
            switch (target.Name)
            {
                case "AdjustHead": helper = 44; break;
                case "AdjustTail": helper = 65; break;
                case "AdjustMeta": helper = 54; break;
                case "Redirect": helper = 23; passContext = false; break;
                default: return Unsupported(invocation, $"'{target.ContainingType!.Name}.{target.Name}'");
            }

            if (context.Kind != LoweredValueKind.Context)
            {
                return context.Kind == LoweredValueKind.None ? context : Unsupported(invocation, "a context other than the program's parameter");
            }

            var values = new List<IrValue>();
            if (passContext)
            {
                values.Add(context.Value!);
            }

            values.AddRange(arguments.Select(Argument64));
            IrValue returned = f.CallHelper(helper, IrType.I64, values.ToArray())!;
            return LoweredValue.Scalar(Resize(returned, false, RegisterType(target.ReturnType)), target.ReturnType);
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using Ebpf.Compiler.Diagnostics;
using Ebpf.Compiler.IR;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>Calls: map helpers, tail calls, <c>Bpf</c> helpers, byte order, packet access, and inlined static methods.</summary>
    internal sealed partial class BodyLowering
    {
        private const int MapLookup = 1;
        private const int MapUpdate = 2;
        private const int MapDelete = 3;
        private const int TracePrintk = 6;
        private const int LookupPercpu = 195;
        private const int RedirectMap = 51;
        private const int RingbufOutput = 130;
        private const int RingbufReserve = 131;
        private const int RingbufSubmit = 132;
        private const int RingbufDiscard = 133;

        private LoweredValue Invocation(IInvocationOperation invocation)
        {
            IMethodSymbol target = invocation.TargetMethod;
            if (DslNames.Attribute(target, DslNames.ManagedOnly) != null)
            {
                program.Report(DiagnosticCatalogue.UnsupportedOperation, invocation.Syntax, $"'{target.Name}', which is [ManagedOnly] (for user space and tests),");
                return LoweredValue.None;
            }

            HelperAvailability.Check(program, target, invocation.Syntax);
            string owner = DslNames.Of(target.ContainingType);
            if (DslNames.IsMap(target.ContainingType))
            {
                return MapCall(invocation, owner);
            }

            switch (owner)
            {
                case DslNames.Bpf:
                    return BpfCall(invocation);
                case DslNames.Atomic:
                    return AtomicCall(invocation);
                case DslNames.Net:
                    return ByteOrder(invocation);
                case ChecksumName:
                    return ChecksumCall(invocation);
                case DslNames.Packet:
                    return PacketCall(invocation);
                case DslNames.XdpContext:
                case DslNames.SkBuffContext:
                    return ContextCall(invocation);
                case DslNames.RingBufferRecord:
                    return RecordCall(invocation);
            }

            if (target.ContainingType?.ToDisplayString() == "System.Math" && (target.Name == "Min" || target.Name == "Max") && invocation.Arguments.Length == 2 && IsScalarType(target.ReturnType))
            {
                return MinMax(invocation);
            }

            if (target.ContainingType?.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T && invocation.Instance != null && target.Name == "GetValueOrDefault")
            {
                LoweredValue instance = LowerValue(invocation.Instance);
                if (instance.Kind == LoweredValueKind.Null && invocation.Type is { } type && IsScalarType(type))
                {
                    return invocation.Arguments.Length == 1 ? LowerValue(invocation.Arguments[0].Value) : LoweredValue.Scalar(IrFunctionBuilder.Constant(RegisterType(type), 0), type);
                }

                return instance;
            }

            return SpanEnumeration(invocation) ?? Inline(invocation);
        }

        private LoweredValue MapCall(IInvocationOperation invocation, string owner)
        {
            IMethodSymbol target = invocation.TargetMethod;
            LoweredValue map = invocation.Instance is null ? LoweredValue.None : LowerValue(invocation.Instance);
            if (map.Kind != LoweredValueKind.Map)
            {
                return map.Kind == LoweredValueKind.None ? map : Unsupported(invocation, "a map that is not a static readonly field of the program class");
            }

            IReadOnlyList<IArgumentOperation> arguments = Ordered(invocation);
            switch (target.Name)
            {
                case "Lookup" when arguments.Count == 1:
                case "LookupOnCpu" when arguments.Count == 2:
                {
                    IrValue key = KeyPointer(arguments[0]);
                    ITypeSymbol element = ((INamedTypeSymbol)target.ReturnType).TypeArguments[0];
                    IrValue mapPointer = f.Map(map.Name!);
                    IrValue found = arguments.Count == 1
                        ? f.CallHelper(MapLookup, IrType.PointerTo(PointerKind.MapValueOrNull), mapPointer, key)!
                        : f.CallHelper(LookupPercpu, IrType.PointerTo(PointerKind.MapValueOrNull), mapPointer, key, Argument64(arguments[1]))!;
                    return LoweredValue.MapValue(found, element);
                }

                case "Update" when arguments.Count == 3:
                {
                    IrValue key = KeyPointer(arguments[0]);
                    IParameterSymbol valueParameter = arguments[1].Parameter!;
                    IrValue value = StackPointerTo(LowerOperand(arguments[1].Value), valueParameter.Type, arguments[1].Syntax);
                    IrValue flags = Argument64(arguments[2]);
                    return LoweredValue.Scalar(f.CallHelper(MapUpdate, IrType.I64, f.Map(map.Name!), key, value, flags)!, target.ReturnType);
                }

                case "Delete" when arguments.Count == 1:
                {
                    IrValue key = KeyPointer(arguments[0]);
                    return LoweredValue.Scalar(f.CallHelper(MapDelete, IrType.I64, f.Map(map.Name!), key)!, target.ReturnType);
                }

                case "TailCall" when owner == DslNames.ProgramArrayMap && arguments.Count == 2:
                    return TailCall(invocation, map, arguments);
                case "Redirect" when owner == DslNames.DeviceMap && arguments.Count == 2:
                {
                    IrValue redirected = f.CallHelper(RedirectMap, IrType.I64, f.Map(map.Name!), Argument64(arguments[0]), Argument64(arguments[1]))!;
                    return LoweredValue.Scalar(Resize(redirected, false, RegisterType(target.ReturnType)), target.ReturnType);
                }

                case "Output" when owner == DslNames.RingBufferMap && arguments.Count == 2 && target.TypeArguments.Length == 1:
                {
                    ITypeSymbol element = target.TypeArguments[0];
                    IrValue data = StackPointerTo(LowerOperand(arguments[0].Value) is { Kind: LoweredValueKind.Address } place ? place : LowerValue(arguments[0].Value), element, arguments[0].Syntax);
                    int size = Layout(element)?.Size ?? 0;
                    return LoweredValue.Scalar(f.CallHelper(RingbufOutput, IrType.I64, f.Map(map.Name!), data, IrFunctionBuilder.I64(size), Argument64(arguments[1]))!, target.ReturnType);
                }

                case "Reserve" when owner == DslNames.RingBufferMap && target.TypeArguments.Length == 1:
                {
                    ITypeSymbol element = target.TypeArguments[0];
                    if (Layout(element) is not TypeLayout layout)
                    {
                        program.Report(DiagnosticCatalogue.UnsupportedType, invocation.Syntax, element.ToDisplayString());
                        return LoweredValue.None;
                    }

                    IrValue record = f.CallHelper(RingbufReserve, IrType.PointerTo(PointerKind.MapValueOrNull), f.Map(map.Name!), IrFunctionBuilder.I64(layout.Size), IrFunctionBuilder.I64(0))!;
                    return LoweredValue.MapValue(record, element);
                }
                default:
                    return Unsupported(invocation, $"'{target.ContainingType!.Name}.{target.Name}'");
            }
        }

        private LoweredValue TailCall(IInvocationOperation invocation, LoweredValue map, IReadOnlyList<IArgumentOperation> arguments)
        {
            LoweredValue context = LowerValue(arguments[0].Value);
            if (context.Kind != LoweredValueKind.Context)
            {
                return context.Kind == LoweredValueKind.None ? context : Unsupported(arguments[0], "a tail call with another context than the program's");
            }

            if (!ReturnedAtOnce(invocation.Syntax))
            {
                program.Report(
                    DiagnosticCatalogue.UnsupportedOperation,
                    invocation.Syntax,
                    "A tail call whose result is not returned at once (write 'return Map.TailCall(ctx, Target) ?? fallback;')");
            }

            LoweredValue target = LowerValue(arguments[1].Value);
            IFieldSymbol field = program.Maps.First(pair => pair.Value == map.Name).Key;
            if (target.Kind == LoweredValueKind.MethodGroup)
            {
                if (program.TailCalls.Record(field, target.Method!, arguments[1].Syntax, program))
                {
                    f.TailCall(context.Value!, map.Name!, target.Method!.Name);
                }
            }
            else if (target.Kind == LoweredValueKind.Scalar)
            {
                f.TailCall(context.Value!, map.Name!, Resize(target.Value!, false, IrType.I32));
            }
            else if (target.Kind != LoweredValueKind.None)
            {
                Unsupported(arguments[1], "this tail-call target (name a program method, or pass a slot number)");
            }

            // A tail call that returns has failed: in the kernel the result is always null.
            return LoweredValue.Null(invocation.Type);
        }

        /// <summary>True for <c>return call ?? fallback;</c> (or <c>=> call ?? fallback</c>) in the program's own body.</summary>
        private bool ReturnedAtOnce(SyntaxNode call)
        {
            SyntaxNode node = call;
            while (node.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ParenthesizedExpressionSyntax)
            {
                node = node.Parent;
            }

            if (continuation != null ||
                !(node.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.BinaryExpressionSyntax coalesce) ||
                !coalesce.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.CoalesceExpression) || coalesce.Left != node)
            {
                return false;
            }

            return coalesce.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ReturnStatementSyntax || coalesce.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ArrowExpressionClauseSyntax;
        }

        private IrValue KeyPointer(IArgumentOperation argument)
        {
            ITypeSymbol type = argument.Parameter!.Type;
            return StackPointerTo(LowerOperand(argument.Value) is { Kind: LoweredValueKind.Address } place ? place : LowerValue(argument.Value), type, argument.Syntax);
        }

        private IrValue Argument64(IArgumentOperation argument)
        {
            LoweredValue value = LowerValue(argument.Value);
            return value.Kind == LoweredValueKind.Scalar ? Resize(value.Value!, IsSigned(value.Type), IrType.I64) : IrFunctionBuilder.I64(0);
        }

        /// <summary>Arguments in parameter order (named arguments and defaults included).</summary>
        private static IReadOnlyList<IArgumentOperation> Ordered(IInvocationOperation invocation) =>
            invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).ToList();

        private LoweredValue PacketCall(IInvocationOperation invocation)
        {
            IMethodSymbol target = invocation.TargetMethod;
            LoweredValue packet = invocation.Instance is null ? LoweredValue.None : LowerValue(invocation.Instance);
            if (packet.Kind != LoweredValueKind.Packet)
            {
                return packet.Kind == LoweredValueKind.None ? packet : Unsupported(invocation, "a packet other than ctx.Packet or ctx.Metadata");
            }

            IReadOnlyList<IArgumentOperation> arguments = Ordered(invocation);
            ITypeSymbol element = target.TypeArguments.Length == 1 ? target.TypeArguments[0] : target.ReturnType;
            if (Layout(element) is not TypeLayout layout)
            {
                program.Report(DiagnosticCatalogue.UnsupportedType, invocation.Syntax, element.ToDisplayString());
                return LoweredValue.None;
            }

            IrValue start = PacketStart(packet.IsMetadata);
            LoweredValue offset = LowerValue(arguments[0].Value);
            IrValue pointer = offset.Kind == LoweredValueKind.Scalar && !(offset.Value is IrConstant { Bits: 0 })
                ? f.Add(start, Resize(offset.Value!, true, IrType.I64))
                : start;
            switch (target.Name)
            {
                case "At":
                    return LoweredValue.PacketRef(pointer, element, packet.IsMetadata);
                case "TryRead":
                case "TryWrite":
                {
                    LoweredValue other = LowerOperand(arguments[1].Value);
                    if (target.Name == "TryRead")
                    {
                        // C# assigns the out value on every path (default when out of bounds), and so must the program.
                        Store(other, IsScalarType(element) ? LoweredValue.Scalar(IrFunctionBuilder.Constant(RegisterType(element), 0), element) : LoweredValue.Zero(element), invocation);
                    }

                    IrValue limit = f.Add(pointer, IrFunctionBuilder.I64(layout.Size));
                    IrValue end = PacketEnd(packet.IsMetadata);
                    VirtualRegister ok = f.Register(IrType.I32, "inBounds");
                    BasicBlock inside = f.Block("inBounds");
                    BasicBlock outside = f.Block("outOfBounds");
                    BasicBlock join = f.Block("afterAccess");
                    f.Branch(Ebpf.Compiler.IR.Condition.UnsignedGreater, limit, end, outside, inside);
                    f.At(inside);
                    LoweredValue bytes = LoweredValue.Address(pointer, 0, element);
                    if (target.Name == "TryRead")
                    {
                        Store(other, Read(bytes), invocation);
                    }
                    else
                    {
                        Store(bytes, Read(other), invocation);
                    }

                    f.Assign(ok, IrFunctionBuilder.I32(1));
                    f.Jump(join);
                    f.At(outside);
                    f.Assign(ok, IrFunctionBuilder.I32(0));
                    f.Jump(join);
                    f.At(join);
                    return LoweredValue.Scalar(ok, target.ReturnType);
                }

                default:
                    return Unsupported(invocation, $"'Packet.{target.Name}'");
            }
        }
    }
}

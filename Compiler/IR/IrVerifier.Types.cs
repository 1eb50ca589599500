using System.Collections.Generic;

namespace Ebpf.Compiler.IR
{
    /// <summary>Type rules per instruction kind.</summary>
    public static partial class IrVerifier
    {
        private static void CheckTypes(IrFunction function, IrInstruction instruction, List<string> problems)
        {
            string? problem = TypeProblem(function, instruction);
            if (problem is not null)
            {
                problems.Add($"'{instruction}': {problem}");
            }
        }

        private static string? TypeProblem(IrFunction function, IrInstruction instruction)
        {
            IrType destination = instruction.Destination?.Type ?? default;
            switch (instruction)
            {
                case MoveInstruction move:
                    return move.Source.Type == destination ? null : "source and destination types differ";
                case BinaryInstruction binary:
                    return BinaryProblem(binary, destination);
                case UnaryInstruction unary:
                    if (!unary.Operand.Type.IsScalar || unary.Operand.Type != destination)
                    {
                        return "operand and result must be scalars of one type";
                    }

                    if (unary.Operation == UnaryOperation.ByteSwap)
                    {
                        return destination.Width >= 16 ? null : "byte swap needs 16, 32 or 64 bits";
                    }

                    return IsArithmeticWidth(destination) ? null : "arithmetic is on 32 or 64 bits";
                case ConvertInstruction convert:
                    return ConversionProblem(convert.Kind, convert.Operand.Type, destination);
                case CompareInstruction compare:
                    if (!destination.IsScalar)
                    {
                        return "a compare yields a scalar";
                    }

                    return CompareProblem(compare.Left, compare.Right);
                case BranchInstruction branch:
                    return CompareProblem(branch.Left, branch.Right);
                case LoadInstruction load:
                    if (!IsDereferenceable(load.Address.Type.Pointer))
                    {
                        return $"cannot load through {load.Address.Type}";
                    }

                    if (!IsWidth(load.Width) || load.Width > destination.Width && !(load.Address is StackSlot { IsSpill: true } && load.Width == 64))
                    {
                        return "load width must be 8, 16, 32 or 64 and fit the result";
                    }

                    if (destination.IsPointer && load.Address.Type.Pointer != PointerKind.Context && load.Width != 64)
                    {
                        return "a pointer is loaded with 64 bits (or from the context)";
                    }

                    return load.SignExtend && load.Width == destination.Width ? "sign extension needs a wider result" : null;
                case StoreInstruction store:
                    if (!IsDereferenceable(store.Address.Type.Pointer))
                    {
                        return $"cannot store through {store.Address.Type}";
                    }

                    return IsWidth(store.Width) && (store.Width <= store.Value.Type.Width || store.Address is StackSlot { IsSpill: true } && store.Width == 64)
                        ? null
                        : "store width must be 8, 16, 32 or 64 and at most the value's (a spill slot: 64)";
                case AtomicInstruction atomic:
                    return AtomicError(atomic);
                case LoadMapInstruction:
                    return destination.Pointer == PointerKind.Map || destination.Pointer == PointerKind.MapValue
                        ? null : "a map reference yields ptr.map or ptr.map_value";
                case HelperCallInstruction:
                case LocalCallInstruction:
                    return instruction.Operands.Count <= 5 ? null : "at most 5 arguments fit r1-r5";
                case TailCallInstruction tail:
                    if (tail.Context.Type.Pointer != PointerKind.Context)
                    {
                        return "a tail call passes the context";
                    }

                    return tail.Index is null || (tail.Index.Type.IsScalar && IsArithmeticWidth(tail.Index.Type)) ? null : "the index is a 32- or 64-bit scalar";
                case ReturnInstruction ret:
                    if (function.ReturnType is IrType returnType)
                    {
                        return ret.Value is not null && ret.Value.Type == returnType ? null : $"the function returns {returnType}";
                    }

                    return ret.Value is null ? null : "the function returns nothing";
                default:
                    return null;
            }
        }

        private static string? AtomicError(AtomicInstruction atomic)
        {
            PointerKind pointer = atomic.Address.Type.Pointer;
            if (pointer != PointerKind.Stack && pointer != PointerKind.MapValue)
            {
                return $"atomics work on the stack and map values, not through {atomic.Address.Type}";
            }

            IrType value = atomic.Value.Type;
            if (!value.IsScalar || (atomic.Width != 32 && atomic.Width != 64) || value.Width != atomic.Width)
            {
                return "an atomic changes 32 or 64 bits with a scalar of that width";
            }

            bool exchange = atomic.Operation == AtomicOperation.Exchange || atomic.Operation == AtomicOperation.CompareExchange;
            if (exchange && atomic.Destination is null)
            {
                return "an exchange yields the old value";
            }

            if (atomic.Destination is not null && atomic.Destination.Type != value)
            {
                return "the old value has the operand's type";
            }

            return (atomic.Operation == AtomicOperation.CompareExchange) == (atomic.Comparand is not null) && (atomic.Comparand is null || atomic.Comparand.Type == value)
                ? null : "only compare-exchange takes a comparand, of the operand's type";
        }

        private static string? BinaryProblem(BinaryInstruction binary, IrType destination)
        {
            IrType left = binary.Left.Type;
            IrType right = binary.Right.Type;
            if (left.IsPointer && right.IsPointer)
            {
                return binary.Operation == BinaryOperation.Subtract && left.Pointer == right.Pointer && destination == IrType.I64
                    ? null : "two pointers can only be subtracted, into an i64";
            }

            if (left.IsPointer)
            {
                bool arithmetic = binary.Operation == BinaryOperation.Add || binary.Operation == BinaryOperation.Subtract;
                bool movable = left.Pointer != PointerKind.Map && left.Pointer != PointerKind.MapValueOrNull;
                return arithmetic && movable && right == IrType.I64 && destination == left
                    ? null : "pointer arithmetic is pointer ± i64 into the same pointer type";
            }

            if (right.IsPointer)
            {
                return "the pointer goes first";
            }

            return left == right && left == destination && IsArithmeticWidth(left) ? null : "operands and result must be one 32- or 64-bit scalar type";
        }

        private static string? ConversionProblem(ConversionKind kind, IrType from, IrType to)
        {
            switch (kind)
            {
                case ConversionKind.ZeroExtend:
                case ConversionKind.SignExtend:
                    return from.IsScalar && to.IsScalar && to.Width > from.Width && IsArithmeticWidth(to) ? null : "extends a scalar to a wider 32- or 64-bit scalar";
                case ConversionKind.Truncate:
                    return from.IsScalar && to.IsScalar && to.Width < from.Width ? null : "truncates a scalar to a narrower one";
                case ConversionKind.AssumeNonNull:
                    return from.Pointer == PointerKind.MapValueOrNull && to.Pointer == PointerKind.MapValue ? null : "nonnull turns ptr.map_value_or_null into ptr.map_value";
                default:
                    return from.Width == 64 && to.Width == 64 ? null : "cast is between 64-bit types";
            }
        }

        private static string? CompareProblem(IrValue left, IrValue right)
        {
            if (left.Type.Width != right.Type.Width || !IsArithmeticWidth(left.Type))
            {
                return "compared values must have one width, 32 or 64";
            }

            return left.Type.IsPointer && right.Type.IsPointer && !ComparablePointers(left.Type.Pointer, right.Type.Pointer)
                ? "these pointer kinds cannot be compared" : null;
        }

        private static bool ComparablePointers(PointerKind a, PointerKind b) =>
            a == b || (IsPacket(a) && IsPacket(b));

        private static bool IsPacket(PointerKind kind) => kind == PointerKind.Packet || kind == PointerKind.PacketEnd;

        private static bool IsDereferenceable(PointerKind kind) =>
            kind == PointerKind.Context || kind == PointerKind.Stack || kind == PointerKind.Packet || kind == PointerKind.MapValue;

        private static bool IsArithmeticWidth(IrType type) => type.Width == 32 || type.Width == 64;

        private static bool IsWidth(int width) => width == 8 || width == 16 || width == 32 || width == 64;
    }
}

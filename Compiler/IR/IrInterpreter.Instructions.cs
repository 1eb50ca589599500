using System;

namespace Ebpf.Compiler.IR
{
    /// <summary>Instructions that neither transfer control nor call.</summary>
    public sealed partial class IrInterpreter
    {
        private void Execute(IrInstruction instruction, Frame frame)
        {
            switch (instruction)
            {
                case MoveInstruction move:
                    frame.Write(move.Destination, frame.Read(move.Source));
                    break;
                case BinaryInstruction binary:
                    frame.Write(binary.Destination, Binary(binary, frame.Read(binary.Left), frame.Read(binary.Right)));
                    break;
                case UnaryInstruction unary:
                    frame.Write(unary.Destination, new InterpreterValue(IrArithmetic.Unary(unary.Operation, unary.Operand.Type.Width, frame.Read(unary.Operand).Bits)));
                    break;
                case ConvertInstruction convert:
                    InterpreterValue operand = frame.Read(convert.Operand);
                    frame.Write(convert.Destination, convert.Operand.Type.IsPointer || convert.Destination!.Type.IsPointer
                        ? operand
                        : new InterpreterValue(IrArithmetic.Convert(convert.Kind, convert.Operand.Type.Width, convert.Destination.Type.Width, operand.Bits)));
                    break;
                case CompareInstruction compare:
                    bool holds = Compare(compare.Condition, frame.Read(compare.Left), frame.Read(compare.Right), compare.Left.Type.Width);
                    frame.Write(compare.Destination, new InterpreterValue(holds ? 1UL : 0UL));
                    break;
                case LoadInstruction load:
                    frame.Write(load.Destination, Load(load, frame.Read(load.Address)));
                    break;
                case StoreInstruction store:
                    Store(store, frame.Read(store.Address), frame.Read(store.Value));
                    break;
                case AtomicInstruction atomic:
                    ulong old = Atomic(atomic, frame.Read(atomic.Address), frame.Read(atomic.Value), atomic.Comparand is null ? default : frame.Read(atomic.Comparand));
                    if (atomic.Destination is not null)
                    {
                        frame.Write(atomic.Destination, new InterpreterValue(old));
                    }

                    break;
                case LoadMapInstruction map:
                    Func<string, int, InterpreterValue> maps = Maps ?? throw new IrInterpreterException("no maps given to the interpreter");
                    frame.Write(map.Destination, maps(map.Symbol, map.IsValueReference ? map.ValueOffset : -1));
                    break;
                case HelperCallInstruction call:
                    Func<int, InterpreterValue[], InterpreterValue> helpers = Helpers ?? throw new IrInterpreterException("no helpers given to the interpreter");
                    frame.Write(call.Destination, helpers(call.HelperId, ReadAll(frame, call.Operands)));
                    break;
                default:
                    throw new IrInterpreterException($"cannot interpret '{instruction}'");
            }
        }

        private static InterpreterValue Binary(BinaryInstruction binary, InterpreterValue left, InterpreterValue right)
        {
            if (left.Region is not null && right.Region is not null)
            {
                return new InterpreterValue(unchecked(left.Bits - right.Bits));
            }

            ulong bits = IrArithmetic.Binary(binary.Operation, binary.Left.Type.Width, left.Bits, right.Bits);
            return new InterpreterValue(bits, left.Region);
        }

        private InterpreterValue Load(LoadInstruction load, InterpreterValue address)
        {
            long offset = unchecked((long)address.Bits) + load.Offset;
            if (load.Destination!.Type.IsPointer && load.Address.Type.Pointer == PointerKind.Context && ContextPointers is not null)
            {
                return ContextPointers((int)offset);
            }

            byte[] bytes = Bytes(address, offset, load.Width, "load");
            ulong value = 0;
            for (int i = load.Width / 8 - 1; i >= 0; i--)
            {
                value = (value << 8) | bytes[offset + i];
            }

            if (load.SignExtend)
            {
                value = unchecked((ulong)IrConstant.SignExtend(value, load.Width));
            }

            return new InterpreterValue(value);
        }

        private static void Store(StoreInstruction store, InterpreterValue address, InterpreterValue value)
        {
            long offset = unchecked((long)address.Bits) + store.Offset;
            byte[] bytes = Bytes(address, offset, store.Width, "store");
            if (value.Region is not null)
            {
                throw new IrInterpreterException("storing pointers is not modelled by the interpreter");
            }

            for (int i = 0; i < store.Width / 8; i++)
            {
                bytes[offset + i] = (byte)(value.Bits >> (8 * i));
            }
        }

        /// <summary>Read-modify-write of little-endian memory; returns the old value.</summary>
        private static ulong Atomic(AtomicInstruction atomic, InterpreterValue address, InterpreterValue value, InterpreterValue comparand)
        {
            long offset = unchecked((long)address.Bits) + atomic.Offset;
            byte[] bytes = Bytes(address, offset, atomic.Width, "atomic");
            int count = atomic.Width / 8;
            ulong old = 0;
            for (int i = count - 1; i >= 0; i--)
            {
                old = (old << 8) | bytes[offset + i];
            }

            ulong mask = IrArithmetic.Mask(atomic.Width);
            ulong operand = value.Bits & mask;
            ulong result;
            switch (atomic.Operation)
            {
                case AtomicOperation.Add: result = unchecked(old + operand); break;
                case AtomicOperation.Or: result = old | operand; break;
                case AtomicOperation.And: result = old & operand; break;
                case AtomicOperation.Xor: result = old ^ operand; break;
                case AtomicOperation.Exchange: result = operand; break;
                default: result = old == (comparand.Bits & mask) ? operand : old; break;
            }

            result &= mask;
            for (int i = 0; i < count; i++)
            {
                bytes[offset + i] = (byte)(result >> (8 * i));
            }

            return old;
        }

        private static byte[] Bytes(InterpreterValue address, long offset, int width, string what)
        {
            MemoryRegion region = address.Region ?? throw new IrInterpreterException($"{what} through a null or scalar pointer");
            if (offset < 0 || offset + width / 8 > region.Bytes.Length)
            {
                throw new IrInterpreterException($"{what} of {width / 8} bytes at {region.Name}+{offset} is out of bounds");
            }

            return region.Bytes;
        }
    }
}

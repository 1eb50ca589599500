using System.Collections.Generic;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Backend
{
    /// <summary>
    /// Rewrites a (copied) function so each instruction maps to eBPF directly: the entry block has no
    /// predecessors, the first operand of arithmetic and compares is a register, constants in immediate positions
    /// fit (s32 sign-extended for 64-bit operations), stack addresses outside loads, stores and calls are
    /// materialised, and no two-address instruction overwrites an operand it still needs.
    /// </summary>
    internal static class Legalization
    {
        public static void Run(IrFunction function, BackendOptions options)
        {
            IsolateEntry(function);
            foreach (BasicBlock block in function.Blocks)
            {
                for (int i = 0; i < block.Instructions.Count; i++)
                {
                    IrInstruction instruction = block.Instructions[i];
                    CheckSupported(function, instruction, options);
                    var before = new List<IrInstruction>();
                    IrInstruction legal = Legalize(function, instruction, before);
                    if (legal != instruction)
                    {
                        block.Instructions[i] = legal;
                    }

                    IrInstruction? after = SeparateDestination(function, legal);
                    foreach (IrInstruction inserted in before)
                    {
                        inserted.Location = instruction.Location;
                    }

                    block.Instructions.InsertRange(i, before);
                    i += before.Count;
                    if (after is not null)
                    {
                        after.Location = instruction.Location;
                        block.Instructions.Insert(i + 1, after);
                        i++;
                    }
                }
            }
        }

        private static void IsolateEntry(IrFunction function)
        {
            if (!function.Predecessors()[function.Entry].Count.Equals(0))
            {
                BasicBlock oldEntry = function.Entry;
                BasicBlock entry = function.NewBlock("entry.0");
                entry.Instructions.Add(new JumpInstruction(oldEntry));
                function.Blocks.Remove(entry);
                function.Blocks.Insert(0, entry);
            }
        }

        private static void CheckSupported(IrFunction function, IrInstruction instruction, BackendOptions options)
        {
            if (options.Cpu < CpuVersion.V4 && instruction is BinaryInstruction binary &&
                (binary.Operation == BinaryOperation.DivideSigned || binary.Operation == BinaryOperation.RemainderSigned))
            {
                throw new BackendException(function.Name, "signed division and remainder need cpu v4 (kernel 6.6)", instruction.Location);
            }
        }

        private static IrInstruction Legalize(IrFunction function, IrInstruction instruction, List<IrInstruction> before)
        {
            switch (instruction)
            {
                case BinaryInstruction { Right: IrConstant { Bits: 0 } } division when IsDivision(division.Operation):
                    // The verifier rejects an immediate divisor of 0; the result is known: x / 0 = 0, x % 0 = x.
                    bool quotient = division.Operation == BinaryOperation.DivideUnsigned || division.Operation == BinaryOperation.DivideSigned;
                    return new MoveInstruction(division.Destination!, quotient ? new IrConstant(division.Destination!.Type, 0) : division.Left);
                case BinaryInstruction binary:
                    IrValue left = binary.Left;
                    IrValue right = binary.Right;
                    if (!(left is VirtualRegister) && right is VirtualRegister && binary.IsCommutative && left.Type.IsScalar)
                    {
                        (left, right) = (right, left);
                    }

                    left = InRegister(function, left, before);
                    right = right is IrConstant constant ? Immediate(function, constant, binary.Destination!.Type.Width == 64, before) : InRegister(function, right, before);
                    if (right is IrConstant shift && IsShift(binary.Operation))
                    {
                        right = new IrConstant(shift.Type, (long)(shift.Bits & (ulong)(binary.Destination!.Type.Width - 1)));
                    }

                    return left == binary.Left && right == binary.Right ? binary : new BinaryInstruction(binary.Operation, binary.Destination!, left, right);
                case CompareInstruction compare:
                    (IrValue cl, IrValue cr, Condition cc) = Operands(function, compare.Left, compare.Right, compare.Condition, before);
                    return cl == compare.Left && cr == compare.Right ? compare : new CompareInstruction(cc, compare.Destination!, cl, cr);
                case BranchInstruction branch:
                    (IrValue bl, IrValue br, Condition bc) = Operands(function, branch.Left, branch.Right, branch.Condition, before);
                    return bl == branch.Left && br == branch.Right ? branch : new BranchInstruction(bc, bl, br, branch.IfTrue, branch.IfFalse);
                case UnaryInstruction unary when !(unary.Operand is VirtualRegister):
                    return new UnaryInstruction(unary.Operation, unary.Destination!, InRegister(function, unary.Operand, before));
                case ConvertInstruction convert when !(convert.Operand is VirtualRegister):
                    return new ConvertInstruction(convert.Kind, convert.Destination!, InRegister(function, convert.Operand, before));
                case AtomicInstruction atomic:
                    return LegalizeAtomic(function, atomic, before);
                case StoreInstruction store:
                    // BPF_ST into the context is rejected by the verifier ("BPF_ST stores into R1 ctx is not allowed").
                    bool immediateAllowed = store.Address.Type.Pointer != PointerKind.Context && store.Value is IrConstant value && FitsImmediate(value, store.Width == 64);
                    return immediateAllowed || store.Value is VirtualRegister
                        ? store
                        : new StoreInstruction(store.Address, store.Offset, InRegister(function, store.Value, before), store.Width);
                default:
                    return instruction;
            }
        }

        /// <summary>
        /// The operand goes in a register; a fetch (not compare-exchange, which uses r0) returns the old value in the
        /// operand's register, so the destination is first given the operand: <c>d = mov v; d = atomic.fetch_add [p], d</c>.
        /// </summary>
        private static IrInstruction LegalizeAtomic(IrFunction function, AtomicInstruction atomic, List<IrInstruction> before)
        {
            IrValue value = atomic.Value;
            if (atomic.Destination is VirtualRegister destination && atomic.Operation != IR.AtomicOperation.CompareExchange)
            {
                if (value != destination)
                {
                    before.Add(new MoveInstruction(destination, value));
                }

                return new AtomicInstruction(atomic.Operation, destination, atomic.Address, atomic.Offset, destination, atomic.Width);
            }

            value = InRegister(function, value, before);
            return value == atomic.Value ? atomic : new AtomicInstruction(atomic.Operation, atomic.Destination, atomic.Address, atomic.Offset, value, atomic.Width, atomic.Comparand);
        }

        private static (IrValue Left, IrValue Right, Condition Condition) Operands(IrFunction function, IrValue left, IrValue right, Condition condition, List<IrInstruction> before)
        {
            if (!(left is VirtualRegister) && right is VirtualRegister)
            {
                (left, right) = (right, left);
                condition = ConditionFacts.Swap(condition);
            }

            left = InRegister(function, left, before);
            right = right is IrConstant constant ? Immediate(function, constant, left.Type.Width == 64, before) : InRegister(function, right, before);
            return (left, right, condition);
        }

        /// <summary>A constant stays an immediate when its bits survive the instruction's sign extension of imm32.</summary>
        private static IrValue Immediate(IrFunction function, IrConstant constant, bool wide, List<IrInstruction> before) =>
            FitsImmediate(constant, wide) ? constant : InRegister(function, constant, before);

        public static bool FitsImmediate(IrConstant constant, bool wide) =>
            !wide || (constant.Unsigned >= int.MinValue && constant.Unsigned <= int.MaxValue);

        private static IrValue InRegister(IrFunction function, IrValue value, List<IrInstruction> before)
        {
            if (value is VirtualRegister)
            {
                return value;
            }

            VirtualRegister register = function.NewRegister(value.Type);
            before.Add(new MoveInstruction(register, value));
            return register;
        }

        /// <summary>Gives a new destination to <c>d = a − d</c> and <c>d = cmp a, d</c>, whose code would overwrite d before reading it.</summary>
        private static IrInstruction? SeparateDestination(IrFunction function, IrInstruction instruction)
        {
            VirtualRegister? destination = instruction.Destination;
            bool clash = instruction switch
            {
                BinaryInstruction binary => !binary.IsCommutative && binary.Right == destination && binary.Left != destination,
                CompareInstruction compare => compare.Left == destination || compare.Right == destination,
                _ => false,
            };
            if (!clash)
            {
                return null;
            }

            VirtualRegister temporary = function.NewRegister(destination!.Type);
            instruction.ReplaceDestination(temporary);
            return new MoveInstruction(destination, temporary);
        }

        private static bool IsDivision(BinaryOperation operation) =>
            operation == BinaryOperation.DivideUnsigned || operation == BinaryOperation.DivideSigned ||
            operation == BinaryOperation.RemainderUnsigned || operation == BinaryOperation.RemainderSigned;

        private static bool IsShift(BinaryOperation operation) =>
            operation == BinaryOperation.ShiftLeft || operation == BinaryOperation.ShiftRightUnsigned || operation == BinaryOperation.ShiftRightSigned;
    }
}

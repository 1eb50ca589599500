using System.Globalization;
using System.Linq;
using System.Text;

namespace Ebpf.Compiler.IR
{
    /// <summary>
    /// Writes IR as stable text for golden tests and debugging:
    /// <code>
    /// func @count(%ctx: ptr.ctx) -> i32 {
    ///   slot $key[4, align 4]
    /// entry:
    ///   %x: i32 = load.u32 [%ctx + 4]
    ///   br ugt %x, 10, big, small
    /// big:
    ///   ret 1
    /// ...
    /// }
    /// </code>
    /// </summary>
    public static class IrPrinter
    {
        /// <summary>Prints every function of a module, separated by blank lines.</summary>
        public static string Print(IrModule module)
        {
            var text = new StringBuilder();
            text.Append("module \"").Append(module.Name).Append("\" ").Append(module.ProgramType).Append('\n');
            foreach (IrFunction function in module.Functions)
            {
                text.Append('\n').Append(Print(function));
            }

            return text.ToString();
        }

        /// <summary>Prints one function; lines end with '\n'.</summary>
        public static string Print(IrFunction function)
        {
            var text = new StringBuilder();
            text.Append("func @").Append(function.Name).Append('(');
            text.Append(string.Join(", ", function.Parameters.Select(p => p + ": " + p.Type)));
            text.Append(')');
            if (function.ReturnType is IrType returnType)
            {
                text.Append(" -> ").Append(returnType);
            }

            text.Append(" {\n");
            foreach (StackSlot slot in function.StackSlots)
            {
                text.Append("  slot ").Append(slot).Append('[').Append(Number(slot.Size)).Append(", align ")
                    .Append(Number(slot.Alignment)).Append("]\n");
            }

            foreach (BasicBlock block in function.Blocks)
            {
                text.Append(block.Name).Append(":\n");
                foreach (IrInstruction instruction in block.Instructions)
                {
                    text.Append("  ").Append(Print(instruction)).Append('\n');
                }
            }

            text.Append("}\n");
            return text.ToString();
        }

        /// <summary>Prints one instruction without indentation or newline.</summary>
        public static string Print(IrInstruction instruction)
        {
            string body = Body(instruction);
            return instruction.Destination is VirtualRegister destination
                ? destination + ": " + destination.Type + " = " + body
                : body;
        }

        private static string Body(IrInstruction instruction)
        {
            switch (instruction)
            {
                case MoveInstruction move:
                    return "mov " + move.Source;
                case BinaryInstruction binary:
                    return Mnemonic(binary.Operation) + " " + binary.Left + ", " + binary.Right;
                case UnaryInstruction unary:
                    return Mnemonic(unary.Operation) + " " + unary.Operand;
                case ConvertInstruction convert:
                    return Mnemonic(convert.Kind) + " " + convert.Operand;
                case CompareInstruction compare:
                    return "cmp." + ConditionFacts.Spell(compare.Condition) + " " + compare.Left + ", " + compare.Right;
                case LoadInstruction load:
                    return "load." + (load.SignExtend ? "s" : "u") + Number(load.Width) + " " + Address(load.Address, load.Offset);
                case StoreInstruction store:
                    return "store.u" + Number(store.Width) + " " + Address(store.Address, store.Offset) + ", " + store.Value;
                case AtomicInstruction atomic:
                    return "atomic." + Mnemonic(atomic) + ".u" + Number(atomic.Width) + " " + Address(atomic.Address, atomic.Offset) + ", " + atomic.Value +
                        (atomic.Comparand is null ? string.Empty : ", " + atomic.Comparand);
                case LoadMapInstruction map:
                    return map.IsValueReference
                        ? "map_value \"" + map.Symbol + "\" + " + Number(map.ValueOffset)
                        : "map \"" + map.Symbol + "\"";
                case HelperCallInstruction call:
                    return "call helper#" + Number(call.HelperId) + "(" + string.Join(", ", call.Operands) + ")";
                case LocalCallInstruction call:
                    return "call @" + call.Callee + "(" + string.Join(", ", call.Operands) + ")";
                case TailCallInstruction tail:
                    return "tailcall " + tail.Context + ", \"" + tail.ProgramArray + "\"[" +
                        (tail.TargetProgram is null ? tail.Index!.ToString() : "@" + tail.TargetProgram) + "]";
                case JumpInstruction jump:
                    return "jmp " + jump.Target.Name;
                case BranchInstruction branch:
                    return "br " + ConditionFacts.Spell(branch.Condition) + " " + branch.Left + ", " + branch.Right + ", " +
                        branch.IfTrue.Name + ", " + branch.IfFalse.Name;
                case ReturnInstruction ret:
                    return ret.Value is null ? "ret" : "ret " + ret.Value;
                default:
                    return instruction.GetType().Name;
            }
        }

        private static string Address(IrValue address, int offset) =>
            "[" + address + (offset < 0 ? " - " + Number(-offset) : " + " + Number(offset)) + "]";

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>The IR text mnemonic of a binary operation.</summary>
        public static string Mnemonic(BinaryOperation operation)
        {
            switch (operation)
            {
                case BinaryOperation.Add: return "add";
                case BinaryOperation.Subtract: return "sub";
                case BinaryOperation.Multiply: return "mul";
                case BinaryOperation.DivideUnsigned: return "udiv";
                case BinaryOperation.DivideSigned: return "sdiv";
                case BinaryOperation.RemainderUnsigned: return "urem";
                case BinaryOperation.RemainderSigned: return "srem";
                case BinaryOperation.And: return "and";
                case BinaryOperation.Or: return "or";
                case BinaryOperation.Xor: return "xor";
                case BinaryOperation.ShiftLeft: return "shl";
                case BinaryOperation.ShiftRightUnsigned: return "lshr";
                default: return "ashr";
            }
        }

        private static string Mnemonic(AtomicInstruction atomic)
        {
            switch (atomic.Operation)
            {
                case AtomicOperation.Exchange: return "xchg";
                case AtomicOperation.CompareExchange: return "cmpxchg";
                default:
                    string name = atomic.Operation == AtomicOperation.Add ? "add" : atomic.Operation == AtomicOperation.Or ? "or" : atomic.Operation == AtomicOperation.And ? "and" : "xor";
                    return atomic.Fetches ? "fetch_" + name : name;
            }
        }

        private static string Mnemonic(UnaryOperation operation) =>
            operation == UnaryOperation.Negate ? "neg" : operation == UnaryOperation.Not ? "not" : "bswap";

        private static string Mnemonic(ConversionKind kind)
        {
            switch (kind)
            {
                case ConversionKind.ZeroExtend: return "zext";
                case ConversionKind.SignExtend: return "sext";
                case ConversionKind.Truncate: return "trunc";
                case ConversionKind.AssumeNonNull: return "nonnull";
                default: return "cast";
            }
        }
    }
}

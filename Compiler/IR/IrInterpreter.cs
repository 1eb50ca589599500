using System;
using System.Collections.Generic;

namespace Ebpf.Compiler.IR
{
    /// <summary>
    /// Runs IR directly, with the kernel's arithmetic (<see cref="IrArithmetic"/>), so tests can check that passes
    /// keep a function's meaning: run before and after, compare results and memory.
    /// Helpers, maps and tail calls are supplied by the test.
    /// </summary>
    public sealed partial class IrInterpreter
    {
        private readonly IrModule? module;

        /// <summary>Creates an interpreter; <paramref name="module"/> resolves BPF-to-BPF calls.</summary>
        public IrInterpreter(IrModule? module = null)
        {
            this.module = module;
        }

        /// <summary>Answers helper calls: helper id and arguments to r0. Unset: a helper call throws.</summary>
        public Func<int, InterpreterValue[], InterpreterValue>? Helpers { get; set; }

        /// <summary>Answers map references: symbol and value offset (−1 for the map itself) to a value.</summary>
        public Func<string, int, InterpreterValue>? Maps { get; set; }

        /// <summary>Answers tail calls: array, slot index or program name; a result ends the program with it, null falls through.</summary>
        public Func<string, InterpreterValue?, string?, InterpreterValue?>? TailCalls { get; set; }

        /// <summary>Answers loads of pointers from the context (e.g. xdp_md.data): region of the context and offset to a pointer.</summary>
        public Func<int, InterpreterValue>? ContextPointers { get; set; }

        /// <summary>Most instructions one run may execute before it is stopped as a runaway loop.</summary>
        public int StepLimit { get; set; } = 1_000_000;

        private int steps;

        /// <summary>Runs <paramref name="function"/> on the arguments; returns r0 (zero for a function without a result).</summary>
        public InterpreterValue Run(IrFunction function, params InterpreterValue[] arguments)
        {
            steps = 0;
            return Invoke(function, arguments, out _);
        }

        private InterpreterValue Invoke(IrFunction function, InterpreterValue[] arguments, out bool endedByTailCall)
        {
            if (arguments.Length != function.Parameters.Count)
            {
                throw new ArgumentException($"@{function.Name} takes {function.Parameters.Count} arguments");
            }

            var frame = new Frame();
            for (int i = 0; i < arguments.Length; i++)
            {
                frame.Registers[function.Parameters[i]] = arguments[i];
            }

            foreach (StackSlot slot in function.StackSlots)
            {
                frame.Slots[slot] = new MemoryRegion("$" + slot.Name, new byte[slot.Size]);
            }

            BasicBlock block = function.Entry;
            while (true)
            {
                BasicBlock? next = null;
                foreach (IrInstruction instruction in block.Instructions)
                {
                    if (++steps > StepLimit)
                    {
                        throw new IrInterpreterException("step limit reached");
                    }

                    switch (instruction)
                    {
                        case JumpInstruction jump:
                            next = jump.Target;
                            break;
                        case BranchInstruction branch:
                            next = Compare(branch.Condition, frame.Read(branch.Left), frame.Read(branch.Right), branch.Left.Type.Width)
                                ? branch.IfTrue : branch.IfFalse;
                            break;
                        case ReturnInstruction ret:
                            endedByTailCall = false;
                            return ret.Value is null ? default : frame.Read(ret.Value);
                        case TailCallInstruction tail:
                            InterpreterValue? ended = TailCalls?.Invoke(tail.ProgramArray, tail.Index is null ? null : frame.Read(tail.Index), tail.TargetProgram);
                            if (ended is InterpreterValue result)
                            {
                                endedByTailCall = true;
                                return result;
                            }

                            break;
                        case LocalCallInstruction call:
                            IrFunction callee = module?.Find(call.Callee) ?? throw new IrInterpreterException($"no function @{call.Callee}");
                            InterpreterValue returned = Invoke(callee, ReadAll(frame, call.Operands), out bool tailEnded);
                            if (tailEnded)
                            {
                                endedByTailCall = true;
                                return returned;
                            }

                            frame.Write(call.Destination, returned);
                            break;
                        default:
                            Execute(instruction, frame);
                            break;
                    }
                }

                block = next ?? throw new IrInterpreterException($"block {block.Name} has no terminator");
            }
        }

        private static InterpreterValue[] ReadAll(Frame frame, IReadOnlyList<IrValue> values)
        {
            var read = new InterpreterValue[values.Count];
            for (int i = 0; i < read.Length; i++)
            {
                read[i] = frame.Read(values[i]);
            }

            return read;
        }

        private static bool Compare(Condition condition, InterpreterValue left, InterpreterValue right, int width)
        {
            if (left.Region is not null && right.Region is not null && left.Region == right.Region)
            {
                return ConditionFacts.Evaluate(condition, left.Bits, right.Bits, width);
            }

            return ConditionFacts.Evaluate(condition, left.Address, right.Address, width);
        }

        private sealed class Frame
        {
            public Dictionary<VirtualRegister, InterpreterValue> Registers { get; } = new Dictionary<VirtualRegister, InterpreterValue>();

            public Dictionary<StackSlot, MemoryRegion> Slots { get; } = new Dictionary<StackSlot, MemoryRegion>();

            public InterpreterValue Read(IrValue value)
            {
                switch (value)
                {
                    case IrConstant constant: return new InterpreterValue(constant.Bits);
                    case StackSlot slot: return InterpreterValue.Pointer(Slots[slot]);
                    case VirtualRegister register:
                        return Registers.TryGetValue(register, out InterpreterValue read)
                            ? read : throw new IrInterpreterException($"{register} read before it was assigned");
                    default: throw new ArgumentException("unknown value", nameof(value));
                }
            }

            public void Write(VirtualRegister? register, InterpreterValue value)
            {
                if (register is not null)
                {
                    Registers[register] = register.Type.IsScalar ? new InterpreterValue(value.Bits & register.Type.Mask) : value;
                }
            }
        }
    }
}

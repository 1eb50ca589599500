using System.Collections.Generic;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>
    /// For <see cref="LoopBoundCheck"/>: which registers one loop steps by constants (induction registers) and which
    /// values it leaves alone, from the loop's own definitions.
    /// </summary>
    internal sealed class InductionFinder
    {
        private const int MaxChain = 16;
        private readonly Dictionary<VirtualRegister, List<IrInstruction>> definitions;

        /// <summary>Creates a finder over the instructions the loop's blocks hold, by destination register.</summary>
        public InductionFinder(Dictionary<VirtualRegister, List<IrInstruction>> definitions)
        {
            this.definitions = definitions;
        }

        /// <summary>A constant, a register the loop never assigns, or a copy or extension (made in the loop) of one.</summary>
        public bool IsInvariant(IrValue value)
        {
            for (int hop = 0; hop < MaxChain; hop++)
            {
                if (value is IrConstant)
                {
                    return true;
                }

                if (value is not VirtualRegister register)
                {
                    return false;
                }

                if (!definitions.TryGetValue(register, out List<IrInstruction>? list))
                {
                    return true;
                }

                if (list.Count != 1 || CopiedFrom(list[0]) is not IrValue source)
                {
                    return false;
                }

                value = source;
            }

            return false;
        }

        /// <summary>
        /// The step of the induction register that <paramref name="value"/> is, or copies: positive when every step
        /// grows it, negative when every step shrinks it (the smallest step in size); null when it is no induction.
        /// <paramref name="counter"/> is the induction register itself.
        /// </summary>
        public long? StepOf(IrValue value, out VirtualRegister? counter)
        {
            counter = null;
            for (int hop = 0; hop < MaxChain && value is VirtualRegister register; hop++)
            {
                if (InductionStep(register) is long step)
                {
                    counter = register;
                    return step;
                }

                if (!definitions.TryGetValue(register, out List<IrInstruction>? list) || list.Count != 1 || CopiedFrom(list[0]) is not IrValue source)
                {
                    return null;
                }

                value = source;
            }

            return null;
        }

        /// <summary>Every definition of <paramref name="register"/> in the loop is itself plus or minus constants.</summary>
        private long? InductionStep(VirtualRegister register)
        {
            if (!definitions.TryGetValue(register, out List<IrInstruction>? list))
            {
                return null;
            }

            long? smallest = null;
            foreach (IrInstruction definition in list)
            {
                if (StepAlongChain(register, definition) is not long step || step == 0 ||
                    (smallest is long known && (known > 0) != (step > 0)))
                {
                    return null;
                }

                if (smallest is null || System.Math.Abs(step) < System.Math.Abs(smallest.Value))
                {
                    smallest = step;
                }
            }

            return smallest;
        }

        /// <summary>Follows a definition back through copies and constant additions until it reaches <paramref name="register"/>.</summary>
        private long? StepAlongChain(VirtualRegister register, IrInstruction definition)
        {
            long step = 0;
            IrInstruction current = definition;
            for (int hop = 0; hop < MaxChain; hop++)
            {
                IrValue? source = CopiedFrom(current);
                if (source is null && current is BinaryInstruction binary)
                {
                    if (binary.Operation == BinaryOperation.Add && binary.Right is IrConstant addend)
                    {
                        step += IrConstant.SignExtend(addend.Bits, addend.Type.Width);
                        source = binary.Left;
                    }
                    else if (binary.Operation == BinaryOperation.Add && binary.Left is IrConstant leftAddend)
                    {
                        step += IrConstant.SignExtend(leftAddend.Bits, leftAddend.Type.Width);
                        source = binary.Right;
                    }
                    else if (binary.Operation == BinaryOperation.Subtract && binary.Right is IrConstant subtrahend)
                    {
                        step -= IrConstant.SignExtend(subtrahend.Bits, subtrahend.Type.Width);
                        source = binary.Left;
                    }
                }

                if (source is not VirtualRegister next)
                {
                    return null;
                }

                if (next == register)
                {
                    return step;
                }

                if (!definitions.TryGetValue(next, out List<IrInstruction>? list) || list.Count != 1)
                {
                    return null;
                }

                current = list[0];
            }

            return null;
        }

        /// <summary>The register a <c>mov</c> or integer conversion copies; null for anything else.</summary>
        private static IrValue? CopiedFrom(IrInstruction instruction) => instruction switch
        {
            MoveInstruction move => move.Source,
            ConvertInstruction convert when convert.Kind != ConversionKind.Reinterpret => convert.Operand,
            _ => null,
        };
    }
}

using System.Collections.Generic;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Passes
{
    /// <summary>
    /// Two packet bounds checks on one path (<c>data + N1 ≤ data_end</c>, then <c>data + N2 ≤ data_end</c>, with the same
    /// failure block) become one: the first checks max(N1, N2), the second is dropped. Only done when the
    /// instructions between them have no side effects and the failure block reads nothing they compute, so
    /// failing earlier is indistinguishable from failing later.
    /// </summary>
    public sealed class BoundsCheckMerging : IrPass
    {
        /// <inheritdoc />
        public override string Name => "bounds-check-merging";

        /// <inheritdoc />
        public override bool Run(IrFunction function)
        {
            bool changed = false;
            bool again = true;
            while (again)
            {
                again = false;
                var counts = new DefinitionCounts(function);
                Dictionary<BasicBlock, List<BasicBlock>> predecessors = function.Predecessors();
                Liveness? liveness = null;
                foreach (BasicBlock first in function.Blocks)
                {
                    PacketBoundsCheck? outer = PacketBoundsCheck.Match(first, counts);
                    if (outer is null)
                    {
                        continue;
                    }

                    BasicBlock second = outer.InBounds;
                    PacketBoundsCheck? inner = second == first || predecessors[second].Count != 1 ? null : PacketBoundsCheck.Match(second, counts);
                    if (inner is null || inner.Data != outer.Data || inner.End != outer.End || inner.OutOfBounds != outer.OutOfBounds)
                    {
                        continue;
                    }

                    liveness ??= Liveness.Compute(function);
                    if (!CanFailEarlier(second, liveness.LiveIn[outer.OutOfBounds]))
                    {
                        continue;
                    }

                    if (inner.Length > outer.Length)
                    {
                        Widen(function, first, outer, inner.Length);
                    }

                    second.Instructions[second.Instructions.Count - 1] = new JumpInstruction(inner.InBounds) { Location = inner.Branch.Location };
                    again = true;
                    changed = true;
                    break;
                }
            }

            return changed;
        }

        private static bool CanFailEarlier(BasicBlock between, HashSet<VirtualRegister> readOnFailure)
        {
            for (int i = 0; i < between.Instructions.Count - 1; i++)
            {
                IrInstruction instruction = between.Instructions[i];
                if (instruction.HasSideEffects || (instruction.Destination is VirtualRegister destination && readOnFailure.Contains(destination)))
                {
                    return false;
                }
            }

            return true;
        }

        private static void Widen(IrFunction function, BasicBlock block, PacketBoundsCheck check, long length)
        {
            VirtualRegister widened = function.NewRegister(check.Data.Type);
            var add = new BinaryInstruction(BinaryOperation.Add, widened, check.Data, new IrConstant(IrType.I64, length)) { Location = check.Branch.Location };
            block.Instructions.Insert(block.Instructions.Count - 1, add);
            check.Branch.ReplaceOperand(check.PointerOperand, widened);
        }
    }
}

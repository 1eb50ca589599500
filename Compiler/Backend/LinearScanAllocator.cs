using System.Collections.Generic;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Backend
{
    /// <summary>
    /// Linear-scan register allocation onto r0–r9. Registers live across a call get r6–r9 (r0–r5 are clobbered);
    /// hints steer arguments into r1–r5, results into r0 and copies into their source's register so that moves
    /// vanish. When nothing is free, the interval with the fewest reads and writes (or, when asked, the one that ends last) is
    /// spilled: the function is rewritten with a stack slot for it (<see cref="Spiller"/>) and allocation starts again.
    /// </summary>
    internal static class LinearScanAllocator
    {
        private static readonly Register[] CallerSaved = { Register.R1, Register.R2, Register.R3, Register.R4, Register.R5, Register.R0 };
        private static readonly Register[] CalleeSaved = { Register.R6, Register.R7, Register.R8, Register.R9 };
        private static readonly Register[] Any = CallerSaved.Concat(CalleeSaved).ToArray();

        /// <summary>Allocates; <paramref name="spillCheapest"/> false spills the interval that ends last instead (fewer, longer spill slots).</summary>
        public static RegisterAllocation Allocate(IrFunction function, bool spillCheapest = true)
        {
            var temporaries = new HashSet<VirtualRegister>();
            for (int attempt = 0; attempt <= function.Registers.Count + 16; attempt++)
            {
                List<BasicBlock> order = BlockLayout.Order(function);
                Dictionary<VirtualRegister, LiveInterval> intervals = LiveIntervals.Build(function, order, temporaries);
                Dictionary<VirtualRegister, Register>? assigned = Scan(function, intervals, spillCheapest, out LiveInterval? victim);
                if (assigned is not null)
                {
                    return new RegisterAllocation(assigned, order);
                }

                Spiller.Spill(function, victim!.Register, temporaries);
            }

            throw new BackendException(function.Name, "register allocation did not converge", function.Location);
        }

        private static Dictionary<VirtualRegister, Register>? Scan(IrFunction function, Dictionary<VirtualRegister, LiveInterval> intervals, bool spillCheapest, out LiveInterval? victim)
        {
            victim = null;
            var assigned = new Dictionary<VirtualRegister, Register>();
            var active = new List<LiveInterval>();
            foreach (LiveInterval current in intervals.Values.OrderBy(i => i.Start).ThenBy(i => i.Register.Id))
            {
                active.RemoveAll(a => a.End < current.Start);
                Register[] allowed = current.CrossesCall ? CalleeSaved : Any;
                var taken = new HashSet<Register>(active.Select(a => assigned[a.Register]));
                Register? choice = Choose(current, allowed, taken, assigned);
                if (choice is null)
                {
                    victim = ChooseVictim(current, active, allowed, assigned, spillCheapest)
                        ?? throw new BackendException(function.Name, "more values are live at once than registers and spills can hold", function.Location);
                    return null;
                }

                assigned[current.Register] = choice.Value;
                active.Add(current);
            }

            return assigned;
        }

        private static Register? Choose(LiveInterval current, Register[] allowed, HashSet<Register> taken, Dictionary<VirtualRegister, Register> assigned)
        {
            bool Free(Register register) => !taken.Contains(register) && allowed.Contains(register);
            foreach (Register hint in current.Hints)
            {
                if (Free(hint))
                {
                    return hint;
                }
            }

            foreach (VirtualRegister source in current.CopyPreferences)
            {
                if (assigned.TryGetValue(source, out Register register) && Free(register))
                {
                    return register;
                }
            }

            foreach (Register register in allowed)
            {
                if (!taken.Contains(register))
                {
                    return register;
                }
            }

            return null;
        }

        /// <summary>
        /// The cheapest interval to spill that frees a register <paramref name="current"/> may use: the fewest reads and
        /// writes (each costs a stack access), then the one that ends last. A long-lived value read everywhere (the
        /// context, a map value) stays in a callee-saved register and a short one read twice goes to the stack instead.
        /// Every spill takes a slot of its own, so many short spills can outgrow the frame: without
        /// <paramref name="cheapest"/> only the end counts (the classic choice, fewer slots).
        /// </summary>
        private static LiveInterval? ChooseVictim(LiveInterval current, List<LiveInterval> active, Register[] allowed, Dictionary<VirtualRegister, Register> assigned, bool cheapest)
        {
            LiveInterval? best = current.IsSpillTemporary ? null : current;
            foreach (LiveInterval candidate in active)
            {
                if (!candidate.IsSpillTemporary && allowed.Contains(assigned[candidate.Register]) &&
                    (best is null || (cheapest ? candidate.Uses < best.Uses || (candidate.Uses == best.Uses && candidate.End > best.End) : candidate.End > best.End)))
                {
                    best = candidate;
                }
            }

            return best;
        }
    }
}

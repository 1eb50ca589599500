using System;
using System.Collections.Generic;
using System.Linq;
using Ebpf.Asm;

namespace Ebpf.Compiler.Backend
{
    /// <summary>
    /// Emits register-to-register moves that happen "at once" (arguments into r1–r5, parameters out of them),
    /// ordering them so no source is overwritten before it is read and breaking cycles through a scratch register.
    /// </summary>
    internal static class ParallelMove
    {
        /// <summary>
        /// Emits <paramref name="moves"/> (trivial ones included: their registers hold values and are no scratch);
        /// the scratch is the first of <paramref name="scratchCandidates"/> that is no move's destination and no
        /// pending move's source (a cycle is broken only after every move out of it is done, so one exists).
        /// </summary>
        public static void Emit(IReadOnlyList<(Register From, Register To)> moves, IEnumerable<Register> scratchCandidates, Action<Register, Register> move)
        {
            var pending = moves.Where(m => m.From != m.To).ToList();
            while (pending.Count > 0)
            {
                int ready = pending.FindIndex(m => !pending.Any(other => other.From == m.To));
                if (ready >= 0)
                {
                    move(pending[ready].To, pending[ready].From);
                    pending.RemoveAt(ready);
                    continue;
                }

                Register scratch = scratchCandidates.First(r => !moves.Any(m => m.To == r) && !pending.Any(m => m.From == r));
                Register blocked = pending[0].From;
                move(scratch, blocked);
                for (int i = 0; i < pending.Count; i++)
                {
                    if (pending[i].From == blocked)
                    {
                        pending[i] = (scratch, pending[i].To);
                    }
                }
            }
        }
    }
}

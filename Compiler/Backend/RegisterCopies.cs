using System.Collections.Generic;
using Ebpf.Asm;

namespace Ebpf.Compiler.Backend
{
    /// <summary>
    /// Which registers hold the same value in straight-line code, so a move between them can be left out
    /// (<c>r6 = r1</c> then an argument move <c>r1 = r6</c>). Forgotten at every block start.
    /// </summary>
    internal sealed class RegisterCopies
    {
        private readonly List<(Register A, Register B)> equal = new List<(Register A, Register B)>();

        public void Clear() => equal.Clear();

        public bool AreEqual(Register a, Register b) => a == b || equal.Contains((a, b)) || equal.Contains((b, a));

        /// <summary>Records <paramref name="destination"/> = <paramref name="source"/> after forgetting the old destination.</summary>
        public void Copied(Register destination, Register source)
        {
            Written(destination);
            var also = new List<(Register A, Register B)> { (destination, source) };
            foreach ((Register a, Register b) in equal)
            {
                if (a == source)
                {
                    also.Add((destination, b));
                }
                else if (b == source)
                {
                    also.Add((destination, a));
                }
            }

            equal.AddRange(also);
        }

        /// <summary>Forgets what an instruction overwrites: its destination, or r0–r5 for a call.</summary>
        public void Executed(Instruction instruction)
        {
            if (instruction.IsCall)
            {
                for (int r = 0; r <= 5; r++)
                {
                    Written((Register)r);
                }
            }
            else if (instruction.IsAlu || instruction.Class == InstructionClass.Ldx || instruction.Class == InstructionClass.Ld)
            {
                Written(instruction.Destination);
            }
            else if (instruction.Class == InstructionClass.Stx && instruction.MemoryMode == MemoryMode.Atomic && (instruction.Immediate & 0x01) != 0)
            {
                // BPF_FETCH writes the old value to src (r0 for cmpxchg).
                Written(instruction.Source);
                Written(Register.R0);
            }
        }

        private void Written(Register register) => equal.RemoveAll(p => p.A == register || p.B == register);
    }
}

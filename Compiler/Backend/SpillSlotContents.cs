using System.Collections.Generic;
using Ebpf.Asm;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Backend
{
    /// <summary>
    /// Which registers hold the 64 bits of which spill slot in straight-line code, so a reload of a slot into a
    /// register that already holds it is left out (<c>*(u64 *)(r10 - 8) = r0; r1 = *(u64 *)(r10 - 8)</c> becomes
    /// <c>r1 = r0</c>, and a second reload of the same slot disappears). Spill slots are written only by the
    /// spiller's stores and their address is never taken, so only register writes and stores to the slot change this.
    /// </summary>
    internal sealed class SpillSlotContents
    {
        private readonly Dictionary<Register, StackSlot> held = new Dictionary<Register, StackSlot>();

        public void Clear() => held.Clear();

        /// <summary>A register that holds the slot, preferring <paramref name="preferred"/>; null when none does.</summary>
        public Register? Holder(StackSlot slot, Register preferred)
        {
            if (held.TryGetValue(preferred, out StackSlot? own) && own == slot)
            {
                return preferred;
            }

            foreach (KeyValuePair<Register, StackSlot> entry in held)
            {
                if (entry.Value == slot)
                {
                    return entry.Key;
                }
            }

            return null;
        }

        /// <summary>Records that <paramref name="register"/> holds the slot's 64 bits (just stored or loaded).</summary>
        public void Holds(Register register, StackSlot slot) => held[register] = slot;

        /// <summary>The slot was overwritten, wholly from <paramref name="register"/> (then only it holds the slot) or otherwise (null).</summary>
        public void Stored(StackSlot slot, Register? register)
        {
            var stale = new List<Register>();
            foreach (KeyValuePair<Register, StackSlot> entry in held)
            {
                if (entry.Value == slot)
                {
                    stale.Add(entry.Key);
                }
            }

            foreach (Register r in stale)
            {
                held.Remove(r);
            }

            if (register is Register whole)
            {
                held[whole] = slot;
            }
        }

        /// <summary>Forgets what an instruction overwrites: its destination, or r0–r5 for a call.</summary>
        public void Executed(Instruction instruction)
        {
            if (instruction.IsCall)
            {
                for (int r = 0; r <= 5; r++)
                {
                    held.Remove((Register)r);
                }
            }
            else if (instruction.IsAlu || instruction.Class == InstructionClass.Ldx || instruction.Class == InstructionClass.Ld)
            {
                held.Remove(instruction.Destination);
            }
            else if (instruction.Class == InstructionClass.Stx && instruction.MemoryMode == MemoryMode.Atomic)
            {
                held.Remove(instruction.Source);
                held.Remove(Register.R0);
            }
        }
    }
}

using System.Collections.Generic;
using Ebpf.Asm;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Backend
{
    /// <summary>
    /// The positions where a register is live, as one range over the linear order (instruction n reads at 2n and
    /// writes at 2n + 1; parameters are written at −1), with the physical registers it would like.
    /// </summary>
    internal sealed class LiveInterval
    {
        public LiveInterval(VirtualRegister register, int position)
        {
            Register = register;
            Start = position;
            End = position;
        }

        public VirtualRegister Register { get; }

        public int Start { get; private set; }

        public int End { get; private set; }

        /// <summary>Live before and after some call: must sit in r6–r9.</summary>
        public bool CrossesCall { get; set; }

        /// <summary>Made by the spiller for one reload or store; never spilled again.</summary>
        public bool IsSpillTemporary { get; set; }

        /// <summary>Reads and writes of the register: what spilling it costs (a load per read, a store per write).</summary>
        public int Uses { get; set; }

        /// <summary>Fixed registers it would like (r1–r5 for arguments, r0 for results).</summary>
        public List<Register> Hints { get; } = new List<Register>();

        /// <summary>Registers whose physical register it would like to share (the source of a copy).</summary>
        public List<VirtualRegister> CopyPreferences { get; } = new List<VirtualRegister>();

        public void Extend(int position)
        {
            if (position < Start)
            {
                Start = position;
            }

            if (position > End)
            {
                End = position;
            }
        }

        public override string ToString() => $"{Register} [{Start}, {End}]";
    }
}

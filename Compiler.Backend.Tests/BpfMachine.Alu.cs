using System;
using Ebpf.Asm;

namespace Ebpf.Compiler.Backend.Tests
{
    /// <summary>ALU and conditional jumps.</summary>
    internal sealed partial class BpfMachine
    {
        private static void Alu(Instruction instruction, ulong[] registers)
        {
            bool wide = instruction.Class == InstructionClass.Alu64;
            int d = (int)instruction.Destination;
            ulong dst = registers[d];
            ulong src = instruction.OperandSource == OperandSource.Register ? registers[(int)instruction.Source] : (ulong)instruction.Constant;
            bool signed = instruction.Offset == 1;
            if (instruction.AluOperation == AluOperation.End)
            {
                // BPF_TO_BE on a little-endian machine: swap the low imm bits, zero the rest.
                ulong swapped = 0;
                for (int i = 0; i < instruction.Immediate / 8; i++)
                {
                    swapped = (swapped << 8) | ((dst >> (8 * i)) & 0xff);
                }

                registers[d] = swapped;
                return;
            }

            ulong result;
            if (wide)
            {
                result = Alu64(instruction, dst, src, signed);
            }
            else
            {
                result = Alu32(instruction, (uint)dst, (uint)src, signed);
            }

            registers[d] = result;
        }

        private static bool Taken(Instruction instruction, ulong[] registers)
        {
            if (instruction.JumpOperation == JumpOperation.Ja)
            {
                return true;
            }

            bool wide = instruction.Class == InstructionClass.Jmp;
            ulong a = registers[(int)instruction.Destination];
            ulong b = instruction.OperandSource == OperandSource.Register ? registers[(int)instruction.Source] : (ulong)instruction.Constant;
            if (!wide)
            {
                a = (uint)a;
                b = (uint)b;
            }

            long sa = wide ? (long)a : (int)(uint)a;
            long sb = wide ? (long)b : (int)(uint)b;
            switch (instruction.JumpOperation)
            {
                case JumpOperation.Jeq: return a == b;
                case JumpOperation.Jne: return a != b;
                case JumpOperation.Jgt: return a > b;
                case JumpOperation.Jge: return a >= b;
                case JumpOperation.Jlt: return a < b;
                case JumpOperation.Jle: return a <= b;
                case JumpOperation.Jsgt: return sa > sb;
                case JumpOperation.Jsge: return sa >= sb;
                case JumpOperation.Jslt: return sa < sb;
                case JumpOperation.Jsle: return sa <= sb;
                case JumpOperation.Jset: return (a & b) != 0;
                default: throw new InvalidOperationException($"jump {instruction}");
            }
        }

        private static ulong Alu64(Instruction instruction, ulong dst, ulong src, bool signed)
        {
            long sd = (long)dst;
            long ss = (long)src;
            switch (instruction.AluOperation)
            {
                case AluOperation.Add: return dst + src;
                case AluOperation.Sub: return dst - src;
                case AluOperation.Mul: return dst * src;
                case AluOperation.Div when signed: return ss == 0 ? 0 : ss == -1 ? (ulong)(0 - sd) : (ulong)(sd / ss);
                case AluOperation.Div: return src == 0 ? 0 : dst / src;
                case AluOperation.Mod when signed: return ss == 0 ? dst : ss == -1 ? 0 : (ulong)(sd % ss);
                case AluOperation.Mod: return src == 0 ? dst : dst % src;
                case AluOperation.Or: return dst | src;
                case AluOperation.And: return dst & src;
                case AluOperation.Xor: return dst ^ src;
                case AluOperation.Lsh: return dst << (int)(src & 63);
                case AluOperation.Rsh: return dst >> (int)(src & 63);
                case AluOperation.Arsh: return (ulong)(sd >> (int)(src & 63));
                case AluOperation.Neg: return 0 - dst;
                case AluOperation.Mov when instruction.Offset != 0:
                    int shift = 64 - instruction.Offset;
                    return (ulong)((long)(src << shift) >> shift);
                case AluOperation.Mov: return src;
                default: throw new InvalidOperationException($"ALU64 {instruction}");
            }
        }

        private static ulong Alu32(Instruction instruction, uint dst, uint src, bool signed)
        {
            int sd = (int)dst;
            int ss = (int)src;
            switch (instruction.AluOperation)
            {
                case AluOperation.Add: return dst + src;
                case AluOperation.Sub: return dst - src;
                case AluOperation.Mul: return dst * src;
                case AluOperation.Div when signed: return ss == 0 ? 0 : ss == -1 ? (uint)(0 - sd) : (uint)(sd / ss);
                case AluOperation.Div: return src == 0 ? 0 : dst / src;
                case AluOperation.Mod when signed: return ss == 0 ? dst : ss == -1 ? 0 : (uint)(sd % ss);
                case AluOperation.Mod: return src == 0 ? dst : dst % src;
                case AluOperation.Or: return dst | src;
                case AluOperation.And: return dst & src;
                case AluOperation.Xor: return dst ^ src;
                case AluOperation.Lsh: return dst << (int)(src & 31);
                case AluOperation.Rsh: return dst >> (int)(src & 31);
                case AluOperation.Arsh: return (uint)(sd >> (int)(src & 31));
                case AluOperation.Neg: return 0 - dst;
                case AluOperation.Mov when instruction.Offset != 0:
                    int shift = 32 - instruction.Offset;
                    return (uint)((int)(src << shift) >> shift);
                case AluOperation.Mov: return src;
                default: throw new InvalidOperationException($"ALU32 {instruction}");
            }
        }
    }
}

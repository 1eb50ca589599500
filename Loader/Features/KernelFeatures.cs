using System;
using Ebpf.Asm;
using Ebpf.Loader.Programs;
using Ebpf.Loader.Sys;

namespace Ebpf.Loader.Features
{
    /// <summary>Tiny probes of what the running kernel accepts; each runs once and is cached.</summary>
    public static class KernelFeatures
    {
        private static readonly Lazy<bool> XdpExpectedAttachTypeValue = new Lazy<bool>(ProbeXdpExpectedAttachType);

        /// <summary>
        /// Whether BPF_PROG_LOAD accepts expected_attach_type BPF_XDP for an XDP program (kernel 5.9+). Kernel 6.18
        /// requires it to match across one PROG_ARRAY; older kernels may reject the field.
        /// </summary>
        public static bool XdpExpectedAttachType => XdpExpectedAttachTypeValue.Value;

        /// <summary>Whether bpf() works for this process at all; <paramref name="reason"/> says why not.</summary>
        public static bool BpfUsable(out string reason)
        {
            try
            {
                using var map = Maps.BpfMap.Create(new MapDefinition("probe", MapType.Array, 4, 4, 1));
                reason = string.Empty;
                return true;
            }
            catch (BpfException error)
            {
                reason = error.Message;
                return false;
            }
            catch (DllNotFoundException error)
            {
                reason = "libc not found: " + error.Message;
                return false;
            }
            catch (EntryPointNotFoundException error)
            {
                reason = error.Message;
                return false;
            }
        }

        private static bool ProbeXdpExpectedAttachType()
        {
            var image = new ProgramImage("probe_xdp", ProgramType.Xdp, ReturnTwo()) { ExpectedAttachType = AttachType.Xdp };
            try
            {
                using BpfProgram program = BpfProgram.Load(image);
                return true;
            }
            catch (BpfException)
            {
                return false;
            }
        }

        private static Instruction[] ReturnTwo() => new[]
        {
            new Instruction((byte)((byte)InstructionClass.Alu64 | (byte)AluOperation.Mov | (byte)OperandSource.Constant), Register.R0, Register.R0, 0, 2),
            new Instruction((byte)((byte)InstructionClass.Jmp | (byte)JumpOperation.Exit), Register.R0, Register.R0, 0, 0),
        };
    }
}

using System;
using System.Runtime.InteropServices;
using Ebpf.Loader.Programs;
using Tmds.Linux;

namespace Ebpf.Benchmarks.SideBySide
{
    /// <summary>
    /// Reads a program's JITed machine code (bpf_prog_info.jited_prog_insns) with BPF_OBJ_GET_INFO_BY_FD, because the
    /// Debian bpftool is built without libbfd and refuses <c>dump jited</c> altogether. Disassemble the bytes with
    /// <c>objcopy -I binary -O elf64-x86-64 -B i386:x86-64 --rename-section .data=.text,code X.bin X.o; objdump -d X.o</c>.
    /// </summary>
    internal static unsafe class JitedImage
    {
        private const int SysBpfX64 = 321;
        private const int ObjGetInfoByFd = 15;
        private const int InfoSize = 232;
        private const int JitedLengthOffset = 16;
        private const int JitedPointerOffset = 24;

        /// <summary>The JITed bytes of <paramref name="program"/> (kernel 4.13; needs CAP_SYS_ADMIN and bpf_jit_harden off).</summary>
        public static byte[] Read(BpfProgram program)
        {
            byte* info = stackalloc byte[InfoSize];
            new Span<byte>(info, InfoSize).Clear();
            GetInfo(program, info);
            var code = new byte[*(uint*)(info + JitedLengthOffset)];
            fixed (byte* buffer = code)
            {
                new Span<byte>(info, InfoSize).Clear();
                *(uint*)(info + JitedLengthOffset) = (uint)code.Length;
                *(ulong*)(info + JitedPointerOffset) = (ulong)buffer;
                GetInfo(program, info);
            }

            return code;
        }

        private static void GetInfo(BpfProgram program, byte* info)
        {
            var attr = new InfoAttr { Fd = (uint)program.Fd.Value, InfoLength = InfoSize, Info = (ulong)info };
            if ((long)LibC.syscall(SysBpfX64, ObjGetInfoByFd, &attr, (uint)sizeof(InfoAttr)) != 0)
            {
                throw new InvalidOperationException($"BPF_OBJ_GET_INFO_BY_FD failed for {program}: errno {Marshal.GetLastPInvokeError()}");
            }
        }

        /// <summary>The info part of <c>union bpf_attr</c>.</summary>
        [StructLayout(LayoutKind.Explicit, Size = 16)]
        private struct InfoAttr
        {
            [FieldOffset(0)] public uint Fd;
            [FieldOffset(4)] public uint InfoLength;
            [FieldOffset(8)] public ulong Info;
        }
    }
}

using System;
using System.Runtime.InteropServices;
using Tmds.Linux;

namespace Ebpf.Loader.Sys
{
    /// <summary>Signature of the one function through which every bpf() call goes.</summary>
    /// <returns>The syscall's result (≥ 0), or −errno.</returns>
    public unsafe delegate long BpfSyscallHandler(BpfCommand command, void* attr, uint size);

    /// <summary>
    /// The single seam between this library and the kernel's bpf() syscall. Every command goes through
    /// <see cref="Invoke{TAttr}(BpfCommand, ref TAttr)"/>; tests may replace <see cref="Handler"/>.
    /// </summary>
    public static unsafe class BpfSyscall
    {
        /// <summary>The syscall number of bpf() on this architecture.</summary>
        public static long Number { get; } = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 321,
            Architecture.Arm64 => 280,
            Architecture.X86 => 357,
            Architecture.Arm => 386,
            _ => throw new PlatformNotSupportedException($"bpf() syscall number unknown for {RuntimeInformation.ProcessArchitecture}"),
        };

        /// <summary>The function that performs the call; replaceable for tests.</summary>
        public static BpfSyscallHandler Handler { get; set; } = Raw;

        /// <summary>Calls bpf(<paramref name="command"/>, &amp;attr, sizeof(attr)), retrying EINTR. Returns −errno on failure.</summary>
        public static long TryInvoke<TAttr>(BpfCommand command, ref TAttr attr)
            where TAttr : unmanaged
        {
            fixed (TAttr* pointer = &attr)
            {
                long result;
                do
                {
                    result = Handler(command, pointer, (uint)sizeof(TAttr));
                }
                while (result == -4); // EINTR
                return result;
            }
        }

        /// <summary>Calls bpf() and throws <see cref="BpfException"/> on failure.</summary>
        public static long Invoke<TAttr>(BpfCommand command, ref TAttr attr)
            where TAttr : unmanaged
        {
            long result = TryInvoke(command, ref attr);
            if (result < 0)
            {
                throw BpfException.For(command, (int)-result);
            }

            return result;
        }

        /// <summary>Calls bpf() for a command that returns a new fd, and wraps it.</summary>
        public static BpfFd InvokeForFd<TAttr>(BpfCommand command, ref TAttr attr)
            where TAttr : unmanaged
        {
            return BpfFd.Adopt((int)Invoke(command, ref attr));
        }

        private static long Raw(BpfCommand command, void* attr, uint size)
        {
            long result = (long)(ssize_t)LibC.syscall((int)Number, (int)command, attr, size);
            return result < 0 ? -LibC.errno : result;
        }
    }
}

using System;
using Ebpf.Loader.Sys;

namespace Ebpf.Loader.Programs
{
    public sealed partial class BpfProgram
    {
        /// <summary>Runs the program once on <paramref name="data"/>. Kernel: BPF_PROG_TEST_RUN, since 4.12.</summary>
        public TestRunResult TestRun(byte[] data, uint repeat = 1) => TestRun(new TestRunOptions { Data = data, Repeat = repeat });

        /// <summary>Runs the program on the given input. Kernel: BPF_PROG_TEST_RUN, since 4.12.</summary>
        public unsafe TestRunResult TestRun(TestRunOptions options)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            var dataOut = new byte[options.DataOutSize ?? options.Data.Length + 256];
            byte[] contextIn = options.Context ?? Array.Empty<byte>();
            var contextOut = new byte[options.ContextOutSize ?? contextIn.Length];
            fixed (byte* dataInPointer = options.Data)
            fixed (byte* dataOutPointer = dataOut)
            fixed (byte* contextInPointer = contextIn)
            fixed (byte* contextOutPointer = contextOut)
            {
                using BpfFdLease programFd = Fd.Lease();
                var attr = new TestRunAttr
                {
                    ProgramFd = programFd.Number,
                    DataSizeIn = (uint)options.Data.Length,
                    DataIn = options.Data.Length == 0 ? 0 : (ulong)dataInPointer,
                    DataSizeOut = (uint)dataOut.Length,
                    DataOut = dataOut.Length == 0 ? 0 : (ulong)dataOutPointer,
                    ContextSizeIn = (uint)contextIn.Length,
                    ContextIn = contextIn.Length == 0 ? 0 : (ulong)contextInPointer,
                    ContextSizeOut = (uint)contextOut.Length,
                    ContextOut = contextOut.Length == 0 ? 0 : (ulong)contextOutPointer,
                    Repeat = options.Repeat,
                    Flags = options.Flags,
                    Cpu = options.Cpu,
                };
                long result = BpfSyscall.TryInvoke(BpfCommand.ProgTestRun, ref attr);
                if (result < 0)
                {
                    int errno = (int)-result;
                    throw new BpfException(BpfCommand.ProgTestRun, errno, DescribeTestRunFailure(options, errno));
                }

                return new TestRunResult(
                    attr.ReturnValue,
                    dataOut.AsSpan(0, (int)Math.Min(attr.DataSizeOut, (uint)dataOut.Length)).ToArray(),
                    contextOut.AsSpan(0, (int)Math.Min(attr.ContextSizeOut, (uint)contextOut.Length)).ToArray(),
                    attr.Duration);
            }
        }

        private string DescribeTestRunFailure(TestRunOptions options, int errno) => errno switch
        {
            Errno.EINVAL when Type == Asm.ProgramType.Xdp && options.Data.Length < 14 =>
                $"program '{Name}': XDP test runs need at least 14 bytes (an Ethernet header), got {options.Data.Length}",
            Errno.EINVAL => $"program '{Name}' ({Type}): the kernel rejected the input ({options.Data.Length} bytes data, {options.Context?.Length ?? 0} bytes context) or flags",
            Errno.ENOSPC => $"program '{Name}': the data-out buffer is too small",
            Errno.ENOTSUPP => $"program '{Name}': {Type} programs cannot be test-run on this kernel",
            _ => $"program '{Name}' ({Type})",
        };
    }
}

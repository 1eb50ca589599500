using System;
using System.Collections.Generic;
using Ebpf.Asm;
using Ebpf.Loader.Pinning;
using Ebpf.Loader.Sys;

namespace Ebpf.Loader.Programs
{
    /// <summary>A program loaded in the kernel, owning its fd.</summary>
    public sealed partial class BpfProgram : IDisposable
    {
        private BpfProgram(BpfFd fd, string name, ProgramType type, AttachType? expectedAttachType, VerifierLog? log, int logBufferSize)
        {
            Fd = fd;
            Name = name;
            Type = type;
            ExpectedAttachType = expectedAttachType;
            VerifierLog = log;
            LogBufferSize = logBufferSize;
        }

        /// <summary>The fd that keeps the program loaded.</summary>
        public BpfFd Fd { get; }

        /// <summary>The program's name (as given; the kernel keeps 15 bytes).</summary>
        public string Name { get; }

        /// <summary>The program type.</summary>
        public ProgramType Type { get; }

        /// <summary>The expected_attach_type it was loaded with, if any.</summary>
        public AttachType? ExpectedAttachType { get; }

        /// <summary>The verifier's log when a log was requested (<see cref="ProgramLoadOptions.LogLevel"/> &gt; 0), else null.</summary>
        public VerifierLog? VerifierLog { get; }

        /// <summary>The size of the log buffer the successful load used (0 without a log).</summary>
        public int LogBufferSize { get; }

        /// <summary>The kernel-wide program id.</summary>
        public uint Id => Info().Id;

        /// <summary>Opens the program pinned at <paramref name="path"/>. Kernel: BPF_OBJ_GET.</summary>
        public static BpfProgram OpenPinned(string path) => Adopt(BpfFs.Get(path));

        /// <summary>Opens the program with kernel id <paramref name="id"/>. Kernel: BPF_PROG_GET_FD_BY_ID.</summary>
        public static BpfProgram OpenById(uint id)
        {
            var attr = new ObjectIdAttr { Id = id };
            return Adopt(BpfSyscall.InvokeForFd(BpfCommand.ProgGetFdById, ref attr));
        }

        /// <summary>Wraps an fd that refers to a program; takes ownership.</summary>
        public static BpfProgram Adopt(BpfFd fd)
        {
            try
            {
                ProgramInfo info = ReadInfo(fd);
                return new BpfProgram(fd, info.Name, info.Type, null, null, 0);
            }
            catch
            {
                fd.Dispose();
                throw;
            }
        }

        /// <summary>
        /// Loads a relocated image (map fds already in its LD_IMM64 instructions). Kernel: BPF_PROG_LOAD.
        /// </summary>
        /// <exception cref="VerifierException">The verifier rejected the program; the log and failing line are attached.</exception>
        /// <exception cref="BpfException">Another failure (permissions, unknown type).</exception>
        public static BpfProgram Load(ProgramImage image, ProgramLoadOptions? options = null)
        {
            if (image is null)
            {
                throw new ArgumentNullException(nameof(image));
            }

            options ??= ProgramLoadOptions.Default;
            AttachType? attachType = options.OmitExpectedAttachType ? null : options.ExpectedAttachType ?? image.ExpectedAttachType;
            byte[] instructions = image.Encode();
            uint level = options.LogLevel;
            int logSize = level == 0 ? 0 : options.InitialLogSize;
            int eagain = 0;
            while (true)
            {
                LoadAttempt attempt = TryLoad(image, instructions, attachType, options.ProgramFlags, level, logSize);
                if (attempt.Result >= 0)
                {
                    VerifierLog? log = level == 0 ? null : new VerifierLog(attempt.Log);
                    return new BpfProgram(BpfFd.Adopt((int)attempt.Result), image.Name, image.Type, attachType, log, logSize);
                }

                int errno = (int)-attempt.Result;
                if (errno == Errno.EAGAIN && eagain++ < options.EagainRetries)
                {
                    continue;
                }

                if (errno == Errno.ENOSPC && level != 0 && logSize < options.MaxLogSize)
                {
                    logSize = GrowLog(logSize, attempt.LogTrueSize, options.MaxLogSize);
                    continue;
                }

                if (level == 0 && errno != Errno.EPERM && errno != Errno.E2BIG)
                {
                    level = 1; // ask again, with the verifier's reasons
                    logSize = options.InitialLogSize;
                    continue;
                }

                if (attempt.Log.Length > 0 || errno == Errno.EACCES)
                {
                    throw new VerifierException(image, errno, new VerifierLog(attempt.Log), logSize);
                }

                throw new BpfException(BpfCommand.ProgLoad, errno, DescribeLoadFailure(image, attachType, errno));
            }
        }

        /// <summary>Pins the program at <paramref name="path"/>.</summary>
        public void Pin(string path) => BpfFs.Pin(Fd, path);

        /// <inheritdoc />
        public void Dispose() => Fd.Dispose();

        /// <inheritdoc />
        public override string ToString() => $"program {Name} ({Type})";

        private static int GrowLog(int current, uint trueSize, int max)
        {
            long next = Math.Max((long)current * 2, (long)trueSize + 1);
            return (int)Math.Min(next, max);
        }

        private static unsafe LoadAttempt TryLoad(ProgramImage image, byte[] instructions, AttachType? attachType, uint flags, uint level, int logSize)
        {
            byte[] license = System.Text.Encoding.ASCII.GetBytes(image.License + "\0");
            byte[] log = new byte[Math.Max(logSize, 1)];
            fixed (byte* insns = instructions)
            fixed (byte* licensePointer = license)
            fixed (byte* logPointer = log)
            {
                var attr = new ProgramLoadAttr
                {
                    ProgramType = (uint)image.Type,
                    InstructionCount = (uint)(instructions.Length / Instruction.SlotSize),
                    Instructions = (ulong)insns,
                    License = (ulong)licensePointer,
                    LogLevel = level,
                    LogSize = level == 0 ? 0u : (uint)logSize,
                    LogBuffer = level == 0 ? 0ul : (ulong)logPointer,
                    ProgramFlags = flags,
                    ExpectedAttachType = attachType is AttachType type ? (uint)type : 0u,
                };
                ObjectName.Write(image.Name, attr.ProgramName);
                long result = BpfSyscall.TryInvoke(BpfCommand.ProgLoad, ref attr);
                int length = Array.IndexOf(log, (byte)0);
                string text = level == 0 ? string.Empty : System.Text.Encoding.ASCII.GetString(log, 0, length < 0 ? log.Length : length);
                return new LoadAttempt(result, text, attr.LogTrueSize);
            }
        }

        private static string DescribeLoadFailure(ProgramImage image, AttachType? attachType, int errno)
        {
            string what = $"program '{image.Name}' ({image.Type}{(attachType is null ? string.Empty : ", expected_attach_type " + attachType)}, {image.SlotCount} insns)";
            return errno switch
            {
                Errno.E2BIG => $"{what}: too many instructions, or the kernel does not know a field this loader set",
                Errno.EINVAL => $"{what}: the kernel rejected the program type, attach type, flags or an instruction encoding",
                _ => ErrnoNames.LikelyCause(BpfCommand.ProgLoad, errno) is string cause ? $"{what}: {cause}" : what,
            };
        }

        private readonly struct LoadAttempt
        {
            public LoadAttempt(long result, string log, uint logTrueSize)
            {
                Result = result;
                Log = log;
                LogTrueSize = logTrueSize;
            }

            public long Result { get; }

            public string Log { get; }

            public uint LogTrueSize { get; }
        }
    }
}

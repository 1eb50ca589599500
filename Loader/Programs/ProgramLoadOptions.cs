namespace Ebpf.Loader.Programs
{
    /// <summary>How <see cref="BpfProgram.Load"/> talks to the verifier.</summary>
    public sealed record ProgramLoadOptions
    {
        /// <summary>Default options: no log on the first attempt, a level-1 log when it fails.</summary>
        public static ProgramLoadOptions Default { get; } = new ProgramLoadOptions();

        /// <summary>
        /// The log level of the first attempt: 0 loads without a log (a failure is retried with level 1),
        /// 1 logs the failing path, 2 logs every instruction, 4 adds statistics. Kernel: log_level.
        /// </summary>
        public uint LogLevel { get; init; }

        /// <summary>The first log buffer's size in bytes; doubled (or set to the kernel's log_true_size) on ENOSPC.</summary>
        public int InitialLogSize { get; init; } = 64 * 1024;

        /// <summary>The largest log buffer to try (the kernel accepts up to 1 GiB since 5.2, 16 MiB before).</summary>
        public int MaxLogSize { get; init; } = 256 * 1024 * 1024;

        /// <summary>prog_flags, e.g. BPF_F_STRICT_ALIGNMENT (1), BPF_F_XDP_HAS_FRAGS (32).</summary>
        public uint ProgramFlags { get; init; }

        /// <summary>Overrides the image's expected_attach_type when set.</summary>
        public Asm.AttachType? ExpectedAttachType { get; init; }

        /// <summary>Leave expected_attach_type zero even when the image sets it (for kernels that reject it).</summary>
        public bool OmitExpectedAttachType { get; init; }

        /// <summary>How many times to retry EAGAIN (the verifier was interrupted).</summary>
        public int EagainRetries { get; init; } = 5;
    }
}

using Ebpf.Loader.Programs;

namespace Ebpf.Loader.Loading
{
    /// <summary>How <see cref="Collection.Load"/> creates maps and loads programs.</summary>
    public sealed record LoadOptions
    {
        /// <summary>Defaults: nothing pinned, default verifier options.</summary>
        public static LoadOptions Default { get; } = new LoadOptions();

        /// <summary>
        /// The bpffs directory where maps with <see cref="Asm.MapPinning.ByName"/> are pinned (and reused when
        /// already there), e.g. /sys/fs/bpf/myapp. Null: no pinning.
        /// </summary>
        public string? PinDirectory { get; init; }

        /// <summary>Options for every BPF_PROG_LOAD.</summary>
        public ProgramLoadOptions Program { get; init; } = ProgramLoadOptions.Default;
    }
}

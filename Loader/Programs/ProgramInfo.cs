using System;
using System.Collections.Generic;
using Ebpf.Asm;

namespace Ebpf.Loader.Programs
{
    /// <summary>What the kernel reports about a loaded program (<c>struct bpf_prog_info</c>).</summary>
    public sealed record ProgramInfo
    {
        /// <summary>The kernel-wide program id.</summary>
        public uint Id { get; init; }

        /// <summary>The program type.</summary>
        public ProgramType Type { get; init; }

        /// <summary>The name the kernel kept (≤ 15 bytes).</summary>
        public string Name { get; init; } = string.Empty;

        /// <summary>The kernel's tag: a hash of the instructions, 16 hex digits.</summary>
        public string Tag { get; init; } = string.Empty;

        /// <summary>When the program was loaded (converted from CLOCK_BOOTTIME).</summary>
        public DateTimeOffset LoadTime { get; init; }

        /// <summary>The uid that loaded it.</summary>
        public uint CreatedByUid { get; init; }

        /// <summary>Bytes of the translated (post-verifier) instructions.</summary>
        public int TranslatedSize { get; init; }

        /// <summary>Bytes of JIT-compiled machine code (0 when not JITed).</summary>
        public int JitedSize { get; init; }

        /// <summary>Instructions the verifier processed. Kernel 5.16+ (0 before).</summary>
        public uint VerifiedInstructions { get; init; }

        /// <summary>Ids of the maps the program uses.</summary>
        public IReadOnlyList<uint> MapIds { get; init; } = Array.Empty<uint>();

        /// <summary>The BTF object id, 0 when none.</summary>
        public uint BtfId { get; init; }

        /// <summary>Whether the license is GPL-compatible.</summary>
        public bool GplCompatible { get; init; }

        /// <summary>Total run time in ns when BPF stats are enabled (kernel.bpf_stats_enabled).</summary>
        public ulong RunTimeNs { get; init; }

        /// <summary>Run count when BPF stats are enabled.</summary>
        public ulong RunCount { get; init; }
    }
}

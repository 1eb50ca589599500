using System;

namespace Ebpf.Loader.Programs
{
    /// <summary>Input of BPF_PROG_TEST_RUN.</summary>
    public sealed record TestRunOptions
    {
        /// <summary>The packet (XDP needs ≥ 14 bytes, cgroup_skb ≥ 34 on current kernels).</summary>
        public byte[] Data { get; init; } = Array.Empty<byte>();

        /// <summary>Size of the data-out buffer; default input length + 256 (room for head/tail adjustments).</summary>
        public int? DataOutSize { get; init; }

        /// <summary>Context in (e.g. struct xdp_md or struct __sk_buff), or null.</summary>
        public byte[]? Context { get; init; }

        /// <summary>Size of the context-out buffer; 0 for none (default: the input context's length).</summary>
        public int? ContextOutSize { get; init; }

        /// <summary>How often to run (the reported duration is the mean per run). Kernel: repeat.</summary>
        public uint Repeat { get; init; } = 1;

        /// <summary>Flags, e.g. BPF_F_TEST_RUN_ON_CPU (1, raw tracepoints only), BPF_F_TEST_XDP_LIVE_FRAMES (2).</summary>
        public uint Flags { get; init; }

        /// <summary>The CPU for BPF_F_TEST_RUN_ON_CPU.</summary>
        public uint Cpu { get; init; }
    }
}

namespace Ebpf.Loader.Links
{
    /// <summary>The kernel's link types (enum bpf_link_type).</summary>
    public enum LinkType
    {
        /// <summary>Kernel: BPF_LINK_TYPE_UNSPEC.</summary>
        Unspec = 0,
        /// <summary>Kernel: BPF_LINK_TYPE_RAW_TRACEPOINT.</summary>
        RawTracepoint = 1,
        /// <summary>Kernel: BPF_LINK_TYPE_TRACING.</summary>
        Tracing = 2,
        /// <summary>Kernel: BPF_LINK_TYPE_CGROUP, since 5.7.</summary>
        Cgroup = 3,
        /// <summary>Kernel: BPF_LINK_TYPE_ITER.</summary>
        Iter = 4,
        /// <summary>Kernel: BPF_LINK_TYPE_NETNS.</summary>
        Netns = 5,
        /// <summary>Kernel: BPF_LINK_TYPE_XDP, since 5.9.</summary>
        Xdp = 6,
        /// <summary>Kernel: BPF_LINK_TYPE_PERF_EVENT.</summary>
        PerfEvent = 7,
        /// <summary>Kernel: BPF_LINK_TYPE_KPROBE_MULTI.</summary>
        KprobeMulti = 8,
        /// <summary>Kernel: BPF_LINK_TYPE_STRUCT_OPS.</summary>
        StructOps = 9,
        /// <summary>Kernel: BPF_LINK_TYPE_NETFILTER.</summary>
        Netfilter = 10,
        /// <summary>Kernel: BPF_LINK_TYPE_TCX, since 6.6.</summary>
        Tcx = 11,
        /// <summary>Kernel: BPF_LINK_TYPE_UPROBE_MULTI.</summary>
        UprobeMulti = 12,
        /// <summary>Kernel: BPF_LINK_TYPE_NETKIT.</summary>
        Netkit = 13,
        /// <summary>Kernel: BPF_LINK_TYPE_SOCKMAP.</summary>
        Sockmap = 14,
    }
}

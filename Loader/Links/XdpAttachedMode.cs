namespace Ebpf.Loader.Links
{
    /// <summary>How an XDP program is attached, as rtnetlink reports it (IFLA_XDP_ATTACHED).</summary>
    public enum XdpAttachedMode : byte
    {
        /// <summary>No XDP program. Kernel: XDP_ATTACHED_NONE.</summary>
        None = 0,
        /// <summary>Native (driver) mode. Kernel: XDP_ATTACHED_DRV.</summary>
        Native = 1,
        /// <summary>Generic (skb) mode. Kernel: XDP_ATTACHED_SKB.</summary>
        Generic = 2,
        /// <summary>Offloaded. Kernel: XDP_ATTACHED_HW.</summary>
        Offload = 3,
        /// <summary>Programs in several modes at once. Kernel: XDP_ATTACHED_MULTI.</summary>
        Multiple = 4,
    }
}

namespace Ebpf.Loader.Links
{
    /// <summary>Where an XDP program runs (the XDP_FLAGS_*_MODE attach flags).</summary>
    public enum XdpMode : uint
    {
        /// <summary>Let the kernel choose: native when the driver supports it, else generic.</summary>
        Default = 0,
        /// <summary>Generic (skb) mode, any device, slower. Kernel: XDP_FLAGS_SKB_MODE (2).</summary>
        Generic = 2,
        /// <summary>Native (driver) mode. Kernel: XDP_FLAGS_DRV_MODE (4).</summary>
        Native = 4,
        /// <summary>Offloaded to the NIC. Kernel: XDP_FLAGS_HW_MODE (8).</summary>
        Offload = 8,
    }
}

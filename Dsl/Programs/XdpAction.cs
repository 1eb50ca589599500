namespace Ebpf.Dsl
{
    /// <summary>What an XDP program does with the frame (enum xdp_action).</summary>
    public enum XdpAction : uint
    {
        /// <summary>Drop, and raise the xdp_exception tracepoint: a program error. Kernel: XDP_ABORTED.</summary>
        Aborted = 0,
        /// <summary>Drop the frame. Kernel: XDP_DROP.</summary>
        Drop = 1,
        /// <summary>Hand the frame to the network stack. Kernel: XDP_PASS.</summary>
        Pass = 2,
        /// <summary>Send the (possibly rewritten) frame back out of the interface it arrived on. Kernel: XDP_TX.</summary>
        Tx = 3,
        /// <summary>Send the frame to the target chosen by a redirect helper. Kernel: XDP_REDIRECT (since 4.14).</summary>
        Redirect = 4,
    }
}

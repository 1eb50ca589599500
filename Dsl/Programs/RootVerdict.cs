namespace Ebpf.Dsl
{
    /// <summary>What an <see cref="XdpRootAttribute"/> program decides about a frame before any slot sees it.</summary>
    public enum RootVerdict : uint
    {
        /// <summary>A runt or malformed frame: XDP_ABORTED, counted in the root's row.</summary>
        Aborted = 0,
        /// <summary>Not for the slots (ARP, VLAN-tagged, other IP protocols): XDP_PASS at once, counted in the root's row.</summary>
        PassToKernel = 2,
        /// <summary>Try the slots in order; when every slot is empty, XDP_PASS counted in the root's row. Not an XDP action value.</summary>
        TrySlots = 0x100,
    }
}

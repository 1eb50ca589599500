namespace Ebpf.Dsl
{
    /// <summary>What a direct-action tc classifier decides (TC_ACT_* of linux/pkt_cls.h).</summary>
    public enum TcAction : int
    {
        /// <summary>Use the default action. Kernel: TC_ACT_UNSPEC.</summary>
        Unspec = -1,
        /// <summary>Let the packet through. Kernel: TC_ACT_OK.</summary>
        Ok = 0,
        /// <summary>Restart classification. Kernel: TC_ACT_RECLASSIFY.</summary>
        Reclassify = 1,
        /// <summary>Drop the packet. Kernel: TC_ACT_SHOT.</summary>
        Shot = 2,
        /// <summary>Continue with the next action. Kernel: TC_ACT_PIPE.</summary>
        Pipe = 3,
        /// <summary>The packet was consumed. Kernel: TC_ACT_STOLEN.</summary>
        Stolen = 4,
        /// <summary>The packet was queued. Kernel: TC_ACT_QUEUED.</summary>
        Queued = 5,
        /// <summary>Run the action again. Kernel: TC_ACT_REPEAT.</summary>
        Repeat = 6,
        /// <summary>Send the packet where a redirect helper said. Kernel: TC_ACT_REDIRECT (since 4.5).</summary>
        Redirect = 7,
        /// <summary>Drop without counting as a drop. Kernel: TC_ACT_TRAP.</summary>
        Trap = 8,
    }
}

namespace Ebpf.Dsl
{
    /// <summary>What a cgroup_skb program decides: the kernel reads bit 0 of the return value.</summary>
    public enum CgroupSkbVerdict : uint
    {
        /// <summary>Drop the packet (the sender sees EPERM on egress). Kernel: SK_DROP.</summary>
        Drop = 0,
        /// <summary>Let the packet through. Kernel: SK_PASS.</summary>
        Allow = 1,
    }
}

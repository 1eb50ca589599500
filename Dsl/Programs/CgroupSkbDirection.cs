namespace Ebpf.Dsl
{
    /// <summary>Which way a cgroup_skb program sees packets.</summary>
    public enum CgroupSkbDirection
    {
        /// <summary>Packets arriving at sockets of the cgroup. Kernel: BPF_CGROUP_INET_INGRESS.</summary>
        Ingress = 0,
        /// <summary>Packets leaving sockets of the cgroup. Kernel: BPF_CGROUP_INET_EGRESS.</summary>
        Egress = 1,
    }
}

using System;

namespace Ebpf.Dsl
{
    /// <summary>
    /// Marks a static method <c>CgroupSkbVerdict Name(SkBuffContext ctx)</c> as a cgroup socket-buffer program.
    /// </summary>
    /// <remarks>Kernel: BPF_PROG_TYPE_CGROUP_SKB, ELF sections "cgroup_skb/ingress" and "cgroup_skb/egress",
    /// attach types BPF_CGROUP_INET_INGRESS / BPF_CGROUP_INET_EGRESS; since 4.10.</remarks>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class CgroupSkbAttribute : Attribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="direction">Ingress or egress.</param>
        public CgroupSkbAttribute(CgroupSkbDirection direction)
        {
            Direction = direction;
        }

        /// <summary>Which way the program sees packets (decides the expected attach type).</summary>
        public CgroupSkbDirection Direction { get; }
    }
}

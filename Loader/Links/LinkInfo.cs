using Ebpf.Asm;

namespace Ebpf.Loader.Links
{
    /// <summary>What the kernel reports about a link (<c>struct bpf_link_info</c>).</summary>
    /// <param name="Id">The kernel-wide link id.</param>
    /// <param name="Type">The link type.</param>
    /// <param name="ProgramId">The id of the attached program (0 once detached).</param>
    /// <param name="InterfaceIndex">For XDP links: the interface (0 once detached).</param>
    /// <param name="CgroupId">For cgroup links: the cgroup's id.</param>
    /// <param name="AttachType">For cgroup links: the attach type.</param>
    public sealed record LinkInfo(uint Id, LinkType Type, uint ProgramId, int InterfaceIndex, ulong CgroupId, AttachType? AttachType);
}

namespace Ebpf.Loader.Links
{
    /// <summary>The XDP program on an interface (from RTM_GETLINK's IFLA_XDP).</summary>
    /// <param name="ProgramId">The program's id (for <see cref="XdpAttachedMode.Multiple"/>: the first found of native, generic, offload).</param>
    /// <param name="Mode">How it is attached.</param>
    public sealed record XdpAttachment(uint ProgramId, XdpAttachedMode Mode);
}

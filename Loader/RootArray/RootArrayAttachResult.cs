using Ebpf.Loader.Links;

namespace Ebpf.Loader.RootArray
{
    /// <summary>What <see cref="XdpRootArray.Attach"/> did.</summary>
    /// <param name="Interface">The interface.</param>
    /// <param name="AlreadyAttached">True when a root array was already attached (nothing changed).</param>
    /// <param name="Slots">The slot count of the attached root array.</param>
    /// <param name="ProgramId">The root program's id.</param>
    /// <param name="LinkId">The bpf_link's id.</param>
    /// <param name="Mode">How the root program runs (native or generic), as rtnetlink reports it.</param>
    /// <param name="Replaced">The XDP program that --force removed, if any.</param>
    /// <param name="RemovedStalePins">True when pins of an earlier, no longer attached root array were cleaned up first.</param>
    public sealed record RootArrayAttachResult(
        string Interface,
        bool AlreadyAttached,
        int Slots,
        uint ProgramId,
        uint LinkId,
        XdpAttachedMode Mode,
        XdpAttachment? Replaced = null,
        bool RemovedStalePins = false);
}

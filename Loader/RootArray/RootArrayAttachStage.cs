namespace Ebpf.Loader.RootArray
{
    /// <summary>The steps of an attach, in order (for failure injection in tests).</summary>
    public enum RootArrayAttachStage
    {
        /// <summary>The root program and maps are loaded.</summary>
        Loaded,
        /// <summary>They are pinned in the staging directory.</summary>
        Staged,
        /// <summary>The bpf_link exists and is pinned in the staging directory.</summary>
        Linked,
    }
}

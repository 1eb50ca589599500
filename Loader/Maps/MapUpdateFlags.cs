namespace Ebpf.Loader.Maps
{
    /// <summary>The flags of BPF_MAP_UPDATE_ELEM.</summary>
    public enum MapUpdateFlags : ulong
    {
        /// <summary>Create or replace. Kernel: BPF_ANY.</summary>
        Any = 0,
        /// <summary>Create only; fail with EEXIST when the key exists. Kernel: BPF_NOEXIST.</summary>
        NoExist = 1,
        /// <summary>Replace only; fail with ENOENT when the key is missing. Kernel: BPF_EXIST.</summary>
        Exist = 2,
    }
}

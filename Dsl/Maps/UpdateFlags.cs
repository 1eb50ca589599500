namespace Ebpf.Dsl.Maps
{
    /// <summary>How <c>bpf_map_update_elem</c> treats an existing or missing key.</summary>
    public enum UpdateFlags : ulong
    {
        /// <summary>Create or replace. Kernel: BPF_ANY.</summary>
        Any = 0,
        /// <summary>Create only; -EEXIST when the key is present. Kernel: BPF_NOEXIST.</summary>
        NoExist = 1,
        /// <summary>Replace only; -ENOENT when the key is missing. Kernel: BPF_EXIST.</summary>
        Exist = 2,
    }
}

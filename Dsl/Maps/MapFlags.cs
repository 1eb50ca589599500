using System;

namespace Ebpf.Dsl.Maps
{
    /// <summary>Map creation flags (map_flags of BPF_MAP_CREATE).</summary>
    [Flags]
    public enum MapFlags : uint
    {
        /// <summary>No flags.</summary>
        None = 0,
        /// <summary>Allocate elements on demand instead of up front (required for LPM_TRIE). Kernel: BPF_F_NO_PREALLOC.</summary>
        NoPrealloc = 1 << 0,
        /// <summary>LRU maps: one LRU list per CPU instead of a common one. Kernel: BPF_F_NO_COMMON_LRU.</summary>
        NoCommonLru = 1 << 1,
        /// <summary>User space may only read the map. Kernel: BPF_F_RDONLY.</summary>
        ReadOnly = 1 << 3,
        /// <summary>User space may only write the map. Kernel: BPF_F_WRONLY.</summary>
        WriteOnly = 1 << 4,
        /// <summary>Hash maps: do not seed the hash randomly. Kernel: BPF_F_ZERO_SEED.</summary>
        ZeroSeed = 1 << 6,
        /// <summary>Programs may only read the map. Kernel: BPF_F_RDONLY_PROG.</summary>
        ReadOnlyProgram = 1 << 7,
        /// <summary>Programs may only write the map. Kernel: BPF_F_WRONLY_PROG.</summary>
        WriteOnlyProgram = 1 << 8,
        /// <summary>Arrays: allow mmap() of the values. Kernel: BPF_F_MMAPABLE.</summary>
        Mmapable = 1 << 10,
    }
}

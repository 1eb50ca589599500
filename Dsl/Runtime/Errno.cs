namespace Ebpf.Dsl
{
    /// <summary>
    /// The errno values kernel helpers return negated (a helper returns <c>-Errno.ENOENT</c>, i.e. -2, on a missing key).
    /// </summary>
    public static class Errno
    {
        /// <summary>Operation not permitted.</summary>
        public const int EPERM = 1;
        /// <summary>No such entry (a missing key).</summary>
        public const int ENOENT = 2;
        /// <summary>Argument list too long: the kernel's "map is full" or "index out of range".</summary>
        public const int E2BIG = 7;
        /// <summary>Try again (ring buffer full).</summary>
        public const int EAGAIN = 11;
        /// <summary>Bad address (a range outside the packet).</summary>
        public const int EFAULT = 14;
        /// <summary>Permission denied.</summary>
        public const int EACCES = 13;
        /// <summary>Entry exists (BPF_NOEXIST on a present key).</summary>
        public const int EEXIST = 17;
        /// <summary>Invalid argument.</summary>
        public const int EINVAL = 22;
        /// <summary>No space left (LPM trie full).</summary>
        public const int ENOSPC = 28;
    }
}

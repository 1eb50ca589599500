namespace Ebpf.Loader.Sys
{
    /// <summary>The errno values this loader reacts to (x86-64 and arm64 share them).</summary>
    public static class Errno
    {
        /// <summary>Operation not permitted.</summary>
        public const int EPERM = 1;
        /// <summary>No such file or directory (also: no such element).</summary>
        public const int ENOENT = 2;
        /// <summary>Argument list too long (bpf: unknown attr bytes, map full).</summary>
        public const int E2BIG = 7;
        /// <summary>Bad file descriptor.</summary>
        public const int EBADF = 9;
        /// <summary>Try again.</summary>
        public const int EAGAIN = 11;
        /// <summary>Permission denied (bpf: verifier rejection).</summary>
        public const int EACCES = 13;
        /// <summary>Bad address.</summary>
        public const int EFAULT = 14;
        /// <summary>Device or resource busy.</summary>
        public const int EBUSY = 16;
        /// <summary>File exists.</summary>
        public const int EEXIST = 17;
        /// <summary>No such device.</summary>
        public const int ENODEV = 19;
        /// <summary>Invalid argument.</summary>
        public const int EINVAL = 22;
        /// <summary>No space left (bpf: the verifier log buffer is too small).</summary>
        public const int ENOSPC = 28;
        /// <summary>Link has been severed (bpf: the link was detached).</summary>
        public const int ENOLINK = 67;
        /// <summary>Function not implemented.</summary>
        public const int ENOSYS = 38;
        /// <summary>Operation not supported.</summary>
        public const int EOPNOTSUPP = 95;
        /// <summary>Operation not supported by this kernel (kernel-internal ENOTSUPP, 524).</summary>
        public const int ENOTSUPP = 524;
    }
}

namespace Ebpf.Loader.Sys
{
    /// <summary>Names, descriptions and bpf()-specific causes of errno values.</summary>
    public static class ErrnoNames
    {
        /// <summary>The symbolic name of an errno value.</summary>
        public static string Name(int errno) => errno switch
        {
            1 => "EPERM",
            2 => "ENOENT",
            4 => "EINTR",
            7 => "E2BIG",
            9 => "EBADF",
            11 => "EAGAIN",
            12 => "ENOMEM",
            13 => "EACCES",
            14 => "EFAULT",
            16 => "EBUSY",
            17 => "EEXIST",
            19 => "ENODEV",
            20 => "ENOTDIR",
            22 => "EINVAL",
            24 => "EMFILE",
            28 => "ENOSPC",
            34 => "ERANGE",
            38 => "ENOSYS",
            95 => "EOPNOTSUPP",
            524 => "ENOTSUPP",
            _ => $"errno {errno}",
        };

        /// <summary>A short description of an errno value (strerror's words).</summary>
        public static string Describe(int errno) => errno switch
        {
            1 => "Operation not permitted",
            2 => "No such file or directory",
            4 => "Interrupted system call",
            7 => "Argument list too long",
            9 => "Bad file descriptor",
            11 => "Resource temporarily unavailable",
            12 => "Cannot allocate memory",
            13 => "Permission denied",
            14 => "Bad address",
            16 => "Device or resource busy",
            17 => "File exists",
            19 => "No such device",
            20 => "Not a directory",
            22 => "Invalid argument",
            24 => "Too many open files",
            28 => "No space left on device",
            34 => "Numerical result out of range",
            38 => "Function not implemented",
            95 => "Operation not supported",
            524 => "Operation not supported by this kernel",
            _ => "unknown error",
        };

        /// <summary>What an errno most likely means for a given bpf() command, or null.</summary>
        public static string? LikelyCause(BpfCommand command, int errno)
        {
            switch (errno)
            {
                case 1:
                    return "needs CAP_BPF (and CAP_NET_ADMIN / CAP_PERFMON for some program types); run as root";
                case 38:
                    return "the kernel has no bpf() syscall (CONFIG_BPF_SYSCALL is off)";
                case 7 when command == BpfCommand.ProgLoad || command == BpfCommand.MapCreate || command == BpfCommand.LinkCreate:
                    return "the kernel does not know a field this loader set (it is older than the feature)";
                case 12 when command == BpfCommand.MapCreate:
                    return "not enough locked memory or kernel memory for the map";
                case 2 when command == BpfCommand.ObjGet:
                    return "nothing is pinned at that path";
                case 17 when command == BpfCommand.ObjPin:
                    return "something is already pinned at that path";
                case 22 when command == BpfCommand.ObjPin || command == BpfCommand.ObjGet:
                    return "the path is not inside a mounted bpffs";
                case 13 when command == BpfCommand.ProgLoad:
                    return "the verifier rejected the program";
                case 16 when command == BpfCommand.LinkCreate:
                    return "another program is already attached there";
                default:
                    return null;
            }
        }
    }
}

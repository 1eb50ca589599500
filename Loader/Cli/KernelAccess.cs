using System;
using Ebpf.Loader.Sys;

namespace Ebpf.Loader.Cli
{
    /// <summary>Runs a kernel query and turns the common failures into one-line user errors.</summary>
    public static class KernelAccess
    {
        /// <summary>Runs <paramref name="query"/>; EPERM/ENOSYS become a <see cref="CliException"/> that says what to do.</summary>
        public static T Run<T>(Func<T> query)
        {
            try
            {
                return query();
            }
            catch (BpfException exception) when (exception.Errno == 1)
            {
                throw new CliException($"{BpfException.CommandName(exception.Command)}: permission denied: this needs root (CAP_BPF and CAP_SYS_ADMIN to list objects)");
            }
            catch (BpfException exception) when (exception.Errno == 38)
            {
                throw new CliException("this kernel has no bpf() syscall (CONFIG_BPF_SYSCALL is off)");
            }
        }
    }
}

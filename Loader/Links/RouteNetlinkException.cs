using System.IO;
using Ebpf.Loader.Sys;

namespace Ebpf.Loader.Links
{
    /// <summary>An rtnetlink request the kernel refused.</summary>
    public sealed class RouteNetlinkException : IOException
    {
        /// <summary>Creates the error for <paramref name="errno"/>.</summary>
        public RouteNetlinkException(int errno)
            : base($"rtnetlink: {ErrnoNames.Name(errno)} ({ErrnoNames.Describe(errno)})")
        {
            Errno = errno;
        }

        /// <summary>The errno the kernel answered.</summary>
        public int Errno { get; }
    }
}

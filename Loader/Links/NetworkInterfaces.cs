using System;
using System.Runtime.InteropServices;
using Ebpf.Loader.Sys;

namespace Ebpf.Loader.Links
{
    /// <summary>Network interface names and indexes.</summary>
    public static class NetworkInterfaces
    {
        /// <summary>The index of interface <paramref name="name"/> (if_nametoindex).</summary>
        /// <exception cref="ArgumentException">No interface has that name.</exception>
        public static int IndexOf(string name)
        {
            uint index = LibCImports.IfNameToIndex(name);
            if (index == 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                throw new ArgumentException($"no network interface named '{name}' ({ErrnoNames.Name(errno)})", nameof(name));
            }

            return (int)index;
        }
    }
}

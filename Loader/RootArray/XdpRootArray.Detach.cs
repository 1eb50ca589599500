using System.IO;
using Ebpf.Loader.Links;
using Ebpf.Loader.Pinning;
using Ebpf.Loader.Sys;

namespace Ebpf.Loader.RootArray
{
    public static partial class XdpRootArray
    {
        /// <summary>
        /// Detaches the root array from <paramref name="interfaceName"/> (BPF_LINK_DETACH, so it goes even if another
        /// process still holds the link) and removes every pin and the directory. Slot programs go with the PROG_ARRAY.
        /// Works for an interface that no longer exists (stale pins). Returns false when there was no root array.
        /// </summary>
        public static bool Detach(string interfaceName)
        {
            RootArrayPaths paths = PathsFor(interfaceName);
            using RootArrayLock held = RootArrayLock.Acquire(LockTimeout);
            if (!Directory.Exists(paths.Directory))
            {
                return false;
            }

            DetachPinnedLink(paths.Link, link => RefuseAnotherNamespace(interfaceName, link));
            BpfFs.RemoveDirectory(paths.Directory);
            return true;
        }

        // Pins are keyed by interface name and bpffs is shared by every network namespace: 'detach eth0' run inside a
        // namespace without an eth0 would detach the host's root array. A live link for a name this namespace does not
        // have belongs to another namespace; only stale pins (the link's interface is gone) are removed from here.
        private static void RefuseAnotherNamespace(string interfaceName, BpfLink link)
        {
            try
            {
                NetworkInterfaces.IndexOf(interfaceName);
                return;
            }
            catch (System.ArgumentException)
            {
                // not here: see below
            }

            int index = link.Info().InterfaceIndex;
            if (index != 0)
            {
                throw new RootArrayException($"no network interface named '{interfaceName}' in this network namespace, but {PathsFor(interfaceName).Directory} holds a root array attached to interface index {index} of another one: run detach there");
            }
        }
    }
}

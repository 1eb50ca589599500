using System;
using System.IO;
using System.Linq;
using Ebpf.Loader.Links;
using Ebpf.Loader.Loading;
using Ebpf.Loader.Pinning;
using Ebpf.Loader.Programs;
using Ebpf.Loader.Sys;

namespace Ebpf.Loader.RootArray
{
    /// <summary>
    /// Attaches, detaches and inspects the XDP root array of an interface. All state is pinned under
    /// /sys/fs/bpf/ebpf-managed/&lt;iface&gt;/ (see <see cref="RootArrayPaths"/>), so any later process sees it,
    /// and every command holds <see cref="RootArrayLock"/>.
    /// </summary>
    /// <remarks>
    /// Interface names resolve in the calling thread's network namespace; the pin directory is per name, so two
    /// namespaces with a root array on interfaces of the same name would share one directory (not supported).
    /// </remarks>
    public static partial class XdpRootArray
    {
        /// <summary>How long a command waits for another one on the lock.</summary>
        public static TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>
        /// Attaches a root array to <paramref name="interfaceName"/>: loads the root program and maps, pins them in a
        /// staging directory, attaches with a pinned bpf_link, then renames the directory into place. Any failure
        /// undoes everything made so far. Attaching where a working root array is attached changes nothing.
        /// </summary>
        /// <exception cref="RootArrayException">Unknown interface, another XDP program attached (without Force), or a failed step.</exception>
        public static RootArrayAttachResult Attach(string interfaceName, RootArrayAttachOptions? options = null)
        {
            options ??= RootArrayAttachOptions.Default;
            RootArrayPaths paths = PathsFor(interfaceName);
            using RootArrayLock held = RootArrayLock.Acquire(LockTimeout);
            int interfaceIndex = IndexOf(interfaceName);
            bool removedStale = RemoveDeadStaging();
            if (Directory.Exists(paths.Directory))
            {
                RootArrayAttachResult? existing = Existing(interfaceName, paths, interfaceIndex);
                if (existing is not null)
                {
                    return existing;
                }

                BpfFs.RemoveDirectory(paths.Directory); // pins of a root array whose link is gone (interface deleted and re-created)
                removedStale = true;
            }

            if (options.Slots < 1 || options.Slots > RootArrayImage.MaxSlots)
            {
                throw new RootArrayException($"--slots must be 1..{RootArrayImage.MaxSlots} (the root and its slots stay within the kernel's 33 tail calls), not {options.Slots}");
            }

            RootArrayImage image = options.Image(options.Slots);
            image.Validate();
            XdpAttachment? owner = RouteNetlink.QueryXdp(interfaceIndex);
            if (owner is not null && !options.Force)
            {
                throw new RootArrayException($"{interfaceName}: another XDP program is attached ({Describe(owner)}); use --force to replace it");
            }

            RootArrayPaths staging = RootArrayPaths.Staging(interfaceName);
            using LoadedCollection loaded = Collection.Load(image.Image);
            try
            {
                options.AfterStage?.Invoke(RootArrayAttachStage.Loaded);
                BpfFs.CreateDirectory(staging.Directory);
                BpfProgram program = loaded.Program(image.ProgramName);
                program.Pin(staging.Program);
                loaded.Map(image.SlotsMapName).Pin(staging.Slots);
                loaded.Map(image.StatsMapName).Pin(staging.Stats);
                options.AfterStage?.Invoke(RootArrayAttachStage.Staged);
                if (owner is not null)
                {
                    RemoveOwner(interfaceName, interfaceIndex, owner);
                }

                using BpfLink link = AttachLink(program, interfaceName, options.Mode);
                link.Pin(staging.Link);
                options.AfterStage?.Invoke(RootArrayAttachStage.Linked);
                LinkInfo info = link.Info();
                Directory.Move(staging.Directory, paths.Directory);
                XdpAttachedMode mode = RouteNetlink.QueryXdp(interfaceIndex)?.Mode ?? XdpAttachedMode.None;
                return new RootArrayAttachResult(interfaceName, false, image.Slots, info.ProgramId, info.Id, mode, owner, removedStale);
            }
            catch (BpfException error)
            {
                BpfFs.RemoveDirectory(staging.Directory);
                throw new RootArrayException($"{interfaceName}: attach failed, nothing left behind: {error.Message}", error);
            }
            catch
            {
                BpfFs.RemoveDirectory(staging.Directory); // unpins; the link fd closes on the way out, which detaches
                throw;
            }
        }

        /// <summary>
        /// Removes the staging directories of attaches that died midway (killed between pinning the link and renaming
        /// the directory into place): their pinned link would keep an XDP program on the interface that no directory
        /// names. Only a holder of the (global) lock stages, so while we hold it every staging directory is dead.
        /// </summary>
        private static bool RemoveDeadStaging()
        {
            if (!Directory.Exists(RootArrayPaths.Root))
            {
                return false;
            }

            bool removed = false;
            foreach (string staging in Directory.GetDirectories(RootArrayPaths.Root))
            {
                if (Path.GetFileName(staging).StartsWith(RootArrayPaths.StagingPrefix, StringComparison.Ordinal))
                {
                    DetachPinnedLink(new RootArrayPaths(staging).Link);
                    BpfFs.RemoveDirectory(staging);
                    removed = true;
                }
            }

            return removed;
        }

        /// <summary>
        /// BPF_LINK_DETACH on the link pinned at <paramref name="linkPin"/>, if any, after <paramref name="check"/> has
        /// looked at it: the program goes now, even if another process holds the link. Unpinning alone would drop the last
        /// reference too, but the kernel frees a link from a workqueue, so the interface could still show the program.
        /// A defunct link (its interface went away) is left to the unpin.
        /// </summary>
        private static void DetachPinnedLink(string linkPin, Action<BpfLink>? check = null)
        {
            if (!File.Exists(linkPin))
            {
                return;
            }

            using BpfLink link = BpfLink.OpenPinned(linkPin);
            check?.Invoke(link);
            try
            {
                link.Detach();
            }
            catch (BpfException error) when (error.Errno == Errno.ENOLINK || error.Errno == Errno.EINVAL)
            {
                // already defunct: its interface went away
            }
        }

        // Auto mode: the kernel picks native when the driver has ndo_bpf, but a driver may still refuse (virtio_net
        // with too few queues or a large MTU answers EOPNOTSUPP); then generic works everywhere.
        private static BpfLink AttachLink(BpfProgram program, string interfaceName, XdpMode mode)
        {
            try
            {
                return BpfLink.AttachXdp(program, interfaceName, mode);
            }
            catch (BpfException error) when (mode == XdpMode.Default && error.Errno == Errno.EOPNOTSUPP)
            {
                return BpfLink.AttachXdp(program, interfaceName, XdpMode.Generic);
            }
        }

        /// <summary>Every interface with a root array directory, sorted by name.</summary>
        public static string[] Interfaces()
        {
            if (!Directory.Exists(RootArrayPaths.Root))
            {
                return Array.Empty<string>();
            }

            return Directory.GetDirectories(RootArrayPaths.Root)
                .Select(Path.GetFileName)
                .Where(name => !string.IsNullOrEmpty(name) && !name!.StartsWith(RootArrayPaths.StagingPrefix, StringComparison.Ordinal))
                .Select(name => RootArrayPaths.Unescape(name!))
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToArray();
        }

        private static RootArrayPaths PathsFor(string interfaceName)
        {
            try
            {
                return RootArrayPaths.For(interfaceName);
            }
            catch (ArgumentException error)
            {
                throw new RootArrayException(error.Message.Split(" (Parameter")[0], error);
            }
        }

        private static int IndexOf(string interfaceName)
        {
            try
            {
                return NetworkInterfaces.IndexOf(interfaceName);
            }
            catch (ArgumentException error)
            {
                throw new RootArrayException($"no network interface named '{interfaceName}'", error);
            }
        }

        // A pinned link that still holds our pinned program on this interface: already attached.
        private static RootArrayAttachResult? Existing(string interfaceName, RootArrayPaths paths, int interfaceIndex)
        {
            if (!File.Exists(paths.Link) || !File.Exists(paths.Program) || !File.Exists(paths.Slots))
            {
                return null;
            }

            using BpfLink link = BpfLink.OpenPinned(paths.Link);
            using BpfProgram program = BpfProgram.OpenPinned(paths.Program);
            using var slots = Maps.BpfMap.OpenPinned(paths.Slots);
            LinkInfo info = link.Info();
            uint programId = program.Info().Id;
            return info.InterfaceIndex == interfaceIndex && info.ProgramId == programId
                ? new RootArrayAttachResult(interfaceName, true, slots.MaxEntries, programId, info.Id, RouteNetlink.QueryXdp(interfaceIndex)?.Mode ?? XdpAttachedMode.None)
                : null;
        }

        private static void RemoveOwner(string interfaceName, int interfaceIndex, XdpAttachment owner)
        {
            try
            {
                RouteNetlink.DetachXdp(interfaceIndex, owner.Mode);
                return;
            }
            catch (RouteNetlinkException error) when (error.Errno == Errno.EBUSY)
            {
                // attached through a bpf_link: netlink may not remove it; detach the link itself
            }

            LinkInfo? ownerLink = KernelObjects.Links().FirstOrDefault(l => l.Type == LinkType.Xdp && l.ProgramId == owner.ProgramId && l.InterfaceIndex == interfaceIndex);
            if (ownerLink is null)
            {
                throw new RootArrayException($"{interfaceName}: cannot remove the attached XDP program ({Describe(owner)}): it is held by a bpf_link this process cannot find");
            }

            using BpfLink other = BpfLink.OpenById(ownerLink.Id);
            other.Detach();
        }

        private static string Describe(XdpAttachment owner)
        {
            string name = "?";
            try
            {
                using BpfProgram program = BpfProgram.OpenById(owner.ProgramId);
                name = program.Info().Name;
            }
            catch (BpfException)
            {
                // gone meanwhile, or not permitted: the id is still worth printing
            }

            string mode = owner.Mode switch
            {
                XdpAttachedMode.Native => "native",
                XdpAttachedMode.Generic => "generic",
                XdpAttachedMode.Offload => "offload",
                _ => "several modes",
            };
            return $"id {owner.ProgramId}, '{name}', {mode} mode";
        }
    }
}

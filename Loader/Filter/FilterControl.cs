using System;
using System.IO;
using System.Linq;
using Ebpf.Loader.Links;
using Ebpf.Loader.RootArray;
using Ebpf.Loader.Sys;
using Ebpf.Programs.Filter;

namespace Ebpf.Loader.Filter
{
    /// <summary>
    /// The filter's user-space side: configuration, drop lists and counters of the filter loaded in a root array slot
    /// of an interface, through its maps pinned in /sys/fs/bpf/ebpf-managed/&lt;iface&gt;/. Every command first checks
    /// that the interface exists, has a root array, and runs the filter in some slot; changes hold
    /// <see cref="RootArrayLock"/> so they do not interleave with <c>detach</c> or <c>slot load</c>.
    /// </summary>
    public static class FilterControl
    {
        /// <summary>The filter program's name in the kernel (its method name).</summary>
        public const string ProgramName = nameof(XdpFilter.Filter);

        /// <summary>The tag of entries added without one (ecbpf's).</summary>
        public const string DefaultTag = "no tag";

        /// <summary>The filter's state on <paramref name="interfaceName"/>.</summary>
        /// <exception cref="FilterException">Unknown interface, no root array, or the filter is not in a slot.</exception>
        public static FilterStatus Status(string interfaceName)
        {
            (int slot, uint programId, string directory) = Locate(interfaceName);
            using FilterMaps maps = OpenMaps(interfaceName, directory);
            return new FilterStatus(interfaceName, slot, programId, maps.ReadSettings(), maps.Drops(), maps.SumStats());
        }

        /// <summary>Applies <paramref name="change"/> to the configuration; returns the new one.</summary>
        /// <exception cref="FilterException">See <see cref="Status"/>.</exception>
        public static FilterSettings Configure(string interfaceName, FilterSettingsChange change)
        {
            ArgumentNullException.ThrowIfNull(change);
            using RootArrayLock held = RootArrayLock.Acquire(XdpRootArray.LockTimeout);
            (_, _, string directory) = Locate(interfaceName);
            using FilterMaps maps = OpenMaps(interfaceName, directory);
            FilterSettings settings = change.ApplyTo(maps.ReadSettings());
            maps.WriteSettings(settings);
            return settings;
        }

        /// <summary>Drops packets from <paramref name="prefix"/> on <paramref name="interfaceName"/> (replacing the tag of
        /// an entry already there); returns the entry stored.</summary>
        /// <exception cref="FilterException">See <see cref="Status"/>; a bad tag; a full drop list.</exception>
        public static FilterDropRule AddDrop(string interfaceName, IpPrefix prefix, string? tag = null)
        {
            ArgumentNullException.ThrowIfNull(prefix);
            var rule = new FilterDropRule(prefix, tag ?? DefaultTag, DateTimeOffset.UtcNow);
            try
            {
                FilterMaps.Encode(rule.Tag, rule.LoadTime);
            }
            catch (ArgumentException error)
            {
                throw new FilterException("--tag: " + error.Message.Split(" (Parameter")[0], error);
            }

            using RootArrayLock held = RootArrayLock.Acquire(XdpRootArray.LockTimeout);
            (_, _, string directory) = Locate(interfaceName);
            using FilterMaps maps = OpenMaps(interfaceName, directory);
            try
            {
                maps.Add(rule);
            }
            catch (BpfException error) when (error.Errno == Errno.ENOSPC || error.Errno == Errno.E2BIG)
            {
                throw new FilterException($"{prefix}: the {(prefix.IsIpv6 ? "IPv6" : "IPv4")} drop list of {interfaceName} is full ({Ebpf.Programs.Filter.XdpFilter.DropListCapacity} entries)", error);
            }

            return rule;
        }

        /// <summary>Stops dropping packets from exactly <paramref name="prefix"/>.</summary>
        /// <exception cref="FilterException">See <see cref="Status"/>; the prefix is not listed.</exception>
        public static void DeleteDrop(string interfaceName, IpPrefix prefix)
        {
            ArgumentNullException.ThrowIfNull(prefix);
            using RootArrayLock held = RootArrayLock.Acquire(XdpRootArray.LockTimeout);
            (_, _, string directory) = Locate(interfaceName);
            using FilterMaps maps = OpenMaps(interfaceName, directory);
            if (!maps.Remove(prefix))
            {
                throw new FilterException($"{prefix} is not in the drop list of interface {interfaceName}");
            }
        }

        /// <summary>Empties both drop lists; returns how many IPv4 and IPv6 entries were removed.</summary>
        /// <exception cref="FilterException">See <see cref="Status"/>.</exception>
        public static (int Ipv4, int Ipv6) Clear(string interfaceName)
        {
            using RootArrayLock held = RootArrayLock.Acquire(XdpRootArray.LockTimeout);
            (_, _, string directory) = Locate(interfaceName);
            using FilterMaps maps = OpenMaps(interfaceName, directory);
            int v4 = maps.Drop4.Map.Keys().ToList().Count(key => maps.Drop4.Map.Delete(key));
            int v6 = maps.Drop6.Map.Keys().ToList().Count(key => maps.Drop6.Map.Delete(key));
            return (v4, v6);
        }

        // The interface's filter: its slot, program id and pin directory.
        private static (int Slot, uint ProgramId, string Directory) Locate(string interfaceName)
        {
            RootArrayPaths paths;
            try
            {
                paths = RootArrayPaths.For(interfaceName);
                NetworkInterfaces.IndexOf(interfaceName);
            }
            catch (ArgumentException error)
            {
                throw new FilterException($"no network interface named '{interfaceName}'", error);
            }

            RootArrayStatus? status;
            try
            {
                status = XdpRootArray.Status(interfaceName);
            }
            catch (RootArrayException error)
            {
                throw new FilterException(error.Message, error);
            }

            if (status is null)
            {
                throw new FilterException($"Root array not attached to interface {interfaceName}: run 'attach {interfaceName}', then 'slot load {interfaceName} 0 {ProgramName}'");
            }

            SlotStatus? filter = status.Slots.FirstOrDefault(slot => slot.Name == ProgramName);
            if (filter?.Slot is null || filter.ProgramId is null)
            {
                throw new FilterException($"the filter is not loaded on interface {interfaceName}: run 'slot load {interfaceName} 0 {ProgramName}'");
            }

            return (filter.Slot.Value, filter.ProgramId.Value, paths.Directory);
        }

        private static FilterMaps OpenMaps(string interfaceName, string directory)
        {
            try
            {
                return FilterMaps.Open(directory);
            }
            catch (FileNotFoundException error)
            {
                throw new FilterException($"the filter on interface {interfaceName} has no pinned maps ({error.Message}): run 'slot load {interfaceName} 0 {ProgramName}' again", error);
            }
        }
    }
}

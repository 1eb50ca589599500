using System;
using System.IO;
using Ebpf.Loader.Pinning;

namespace Ebpf.Loader.RootArray
{
    /// <summary>
    /// Where a root array lives in bpffs: /sys/fs/bpf/ebpf-managed/&lt;iface&gt;/ holding <c>link</c> (the bpf_link,
    /// so the attachment outlives the CLI), <c>xdp_root</c> (the program), <c>root_slots</c> (the PROG_ARRAY; the
    /// pin keeps its entries alive) and <c>root_stats</c> (the per-CPU counters).
    /// </summary>
    /// <param name="Directory">The interface's directory.</param>
    public sealed record RootArrayPaths(string Directory)
    {
        /// <summary>The directory under which every interface's root array is pinned.</summary>
        public static string Root { get; } = Path.Combine(BpfFs.DefaultRoot, "ebpf-managed");

        /// <summary>Prefix of staging directories (':' never appears in an interface name; bpffs refuses names with '.').</summary>
        public const string StagingPrefix = ":staging-";

        /// <summary>The pinned bpf_link.</summary>
        public string Link => Path.Combine(Directory, "link");

        /// <summary>The pinned root program.</summary>
        public string Program => Path.Combine(Directory, RootArrayImage.DefaultProgramName);

        /// <summary>The pinned slots PROG_ARRAY.</summary>
        public string Slots => Path.Combine(Directory, RootArrayImage.DefaultSlotsMapName);

        /// <summary>The pinned stats map.</summary>
        public string Stats => Path.Combine(Directory, RootArrayImage.DefaultStatsMapName);

        /// <summary>The paths for interface <paramref name="interfaceName"/>.</summary>
        /// <exception cref="ArgumentException">The name cannot be an interface name.</exception>
        public static RootArrayPaths For(string interfaceName)
        {
            if (string.IsNullOrEmpty(interfaceName) || interfaceName.Length > 15 || interfaceName.IndexOfAny(new[] { '/', '\0', ' ' }) >= 0 ||
                interfaceName == "." || interfaceName == ".." || interfaceName.IndexOf(':') >= 0)
            {
                throw new ArgumentException($"'{interfaceName}' is not a network interface name", nameof(interfaceName));
            }

            return new RootArrayPaths(Path.Combine(Root, Escape(interfaceName)));
        }

        /// <summary>
        /// The directory name for an interface name: bpffs refuses '.' in names (VLAN interfaces such as eth0.100
        /// have one), so '%' becomes %25 and '.' becomes %2e.
        /// </summary>
        public static string Escape(string interfaceName) => interfaceName.Replace("%", "%25").Replace(".", "%2e");

        /// <summary>The interface name a directory name stands for (the inverse of <see cref="Escape"/>).</summary>
        public static string Unescape(string directoryName) => directoryName.Replace("%2e", ".").Replace("%25", "%");

        /// <summary>A fresh staging directory for <paramref name="interfaceName"/>: pins are made here and renamed into place.</summary>
        public static RootArrayPaths Staging(string interfaceName) =>
            new RootArrayPaths(Path.Combine(Root, StagingPrefix + Escape(interfaceName) + "-" + Guid.NewGuid().ToString("N").Substring(0, 8)));
    }
}

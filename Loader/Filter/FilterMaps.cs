using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using Ebpf.Dsl.Packets;
using Ebpf.Loader.Maps;
using Ebpf.Programs.Filter;

namespace Ebpf.Loader.Filter
{
    /// <summary>
    /// The filter's maps of one interface, opened from their pins in the interface's directory: configuration, the two
    /// drop lists (LPM tries keyed by source prefix, valued by tag and load time) and the per-CPU counters.
    /// </summary>
    public sealed class FilterMaps : IDisposable
    {
        /// <summary>Pin (and kernel map) name of the configuration array.</summary>
        public const string ConfigName = "filter_config";

        /// <summary>Pin name of the IPv4 drop list.</summary>
        public const string Drop4Name = "filter_drop4";

        /// <summary>Pin name of the IPv6 drop list.</summary>
        public const string Drop6Name = "filter_drop6";

        /// <summary>Pin name of the per-CPU counters.</summary>
        public const string StatsName = "filter_stats";

        private readonly BpfMap[] maps;

        private FilterMaps(BpfMap config, BpfMap drop4, BpfMap drop6, BpfMap stats)
        {
            maps = new[] { config, drop4, drop6, stats };
            Config = new ArrayView<FilterConfig>(config);
            Drop4 = new LpmTrieView<uint, FilterDropEntry>(drop4);
            Drop6 = new LpmTrieView<Ipv6Address, FilterDropEntry>(drop6);
            Stats = new PerCpuArrayView<FilterStats>(stats);
        }

        /// <summary>The configuration array (one entry).</summary>
        public ArrayView<FilterConfig> Config { get; }

        /// <summary>The IPv4 drop list.</summary>
        public LpmTrieView<uint, FilterDropEntry> Drop4 { get; }

        /// <summary>The IPv6 drop list.</summary>
        public LpmTrieView<Ipv6Address, FilterDropEntry> Drop6 { get; }

        /// <summary>The counters, one copy per CPU.</summary>
        public PerCpuArrayView<FilterStats> Stats { get; }

        /// <summary>Opens the maps pinned in <paramref name="directory"/>.</summary>
        /// <exception cref="FileNotFoundException">A pin is missing.</exception>
        public static FilterMaps Open(string directory)
        {
            return BpfMap.OpenPinned(directory, new[] { ConfigName, Drop4Name, Drop6Name, StatsName }, maps => new FilterMaps(maps[0], maps[1], maps[2], maps[3]));
        }

        /// <summary>The configuration.</summary>
        public FilterSettings ReadSettings() => FilterSettings.From(Config[0]);

        /// <summary>Replaces the configuration (one map update: the program sees the old or the new, never a mix).</summary>
        public void WriteSettings(FilterSettings settings) => Config.Update(0, (settings ?? throw new ArgumentNullException(nameof(settings))).ToConfig());

        /// <summary>Adds or replaces the drop-list entry for <paramref name="rule"/>'s prefix.</summary>
        public void Add(FilterDropRule rule)
        {
            ArgumentNullException.ThrowIfNull(rule);
            FilterDropEntry entry = Encode(rule.Tag, rule.LoadTime);
            byte[] address = rule.Prefix.Address.GetAddressBytes();
            if (rule.Prefix.IsIpv6)
            {
                Drop6.Set(ToIpv6(address), rule.Prefix.Length, entry);
            }
            else
            {
                Drop4.Set(MemoryMarshal.Read<uint>(address), rule.Prefix.Length, entry);
            }
        }

        /// <summary>Removes the entry for exactly <paramref name="prefix"/>; false when it is not listed.</summary>
        public bool Remove(IpPrefix prefix)
        {
            ArgumentNullException.ThrowIfNull(prefix);
            byte[] address = prefix.Address.GetAddressBytes();
            return prefix.IsIpv6
                ? Drop6.Remove(ToIpv6(address), prefix.Length)
                : Drop4.Remove(MemoryMarshal.Read<uint>(address), prefix.Length);
        }

        /// <summary>Every entry, IPv4 first, each family sorted by address then prefix length.</summary>
        public IReadOnlyList<FilterDropRule> Drops()
        {
            IEnumerable<FilterDropRule> v4 = Drop4.Entries()
                .Select(entry => Decode(new IPAddress(BitConverter.GetBytes(entry.Data)), entry.PrefixLength, entry.Value));
            IEnumerable<FilterDropRule> v6 = Drop6.Entries()
                .Select(entry => Decode(new IPAddress(ToBytes(entry.Data)), entry.PrefixLength, entry.Value));
            return v4.OrderBy(SortKey, StringComparer.Ordinal).ThenBy(rule => rule.Prefix.Length)
                .Concat(v6.OrderBy(SortKey, StringComparer.Ordinal).ThenBy(rule => rule.Prefix.Length))
                .ToList();
        }

        /// <summary>The counters summed over all CPUs.</summary>
        public FilterStats SumStats()
        {
            var sum = default(FilterStats);
            foreach (FilterStats cpu in Stats.Get(0))
            {
                sum.EthFrameErr += cpu.EthFrameErr;
                sum.IpHeaderErr += cpu.IpHeaderErr;
                sum.Ip6HeaderErr += cpu.Ip6HeaderErr;
                sum.IpDropCount += cpu.IpDropCount;
                sum.Ip6DropCount += cpu.Ip6DropCount;
                sum.IpFragDropCount += cpu.IpFragDropCount;
                sum.PtbSentCount += cpu.PtbSentCount;
                sum.PtbErrCount += cpu.PtbErrCount;
                sum.PtbMemErrCount += cpu.PtbMemErrCount;
            }

            return sum;
        }

        /// <summary>Closes the map fds (the pins stay).</summary>
        public void Dispose()
        {
            foreach (BpfMap map in maps)
            {
                map.Dispose();
            }
        }

        /// <summary>The drop-list value for <paramref name="tag"/> (UTF-8, at most <see cref="FilterDropEntry.TagBytes"/> bytes).</summary>
        /// <exception cref="ArgumentException">The tag is too long or holds a NUL.</exception>
        public static FilterDropEntry Encode(string tag, DateTimeOffset loadTime)
        {
            ArgumentNullException.ThrowIfNull(tag);
            byte[] text = Encoding.UTF8.GetBytes(tag);
            if (text.Length > FilterDropEntry.TagBytes || Array.IndexOf(text, (byte)0) >= 0)
            {
                throw new ArgumentException($"the tag '{tag}' is {text.Length} UTF-8 bytes; at most {FilterDropEntry.TagBytes}, no NUL", nameof(tag));
            }

            var entry = new FilterDropEntry { LoadTime = (ulong)Math.Max(0, loadTime.ToUnixTimeSeconds()) };
            Span<byte> bytes = MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref entry, 1));
            text.CopyTo(bytes);
            return entry;
        }

        private static Ipv6Address ToIpv6(byte[] bytes)
        {
            Ipv6Address address = default;
            bytes.CopyTo(address);
            return address;
        }

        private static byte[] ToBytes(Ipv6Address address) => ((ReadOnlySpan<byte>)address).ToArray();

        private static string SortKey(FilterDropRule rule) => Convert.ToHexString(rule.Prefix.Address.GetAddressBytes());

        private static FilterDropRule Decode(IPAddress address, int prefixLength, FilterDropEntry entry)
        {
            ReadOnlySpan<byte> tag = MemoryMarshal.AsBytes(MemoryMarshal.CreateReadOnlySpan(ref entry, 1)).Slice(0, FilterDropEntry.TagBytes);
            int end = tag.IndexOf((byte)0);
            string text = Encoding.UTF8.GetString(end < 0 ? tag : tag.Slice(0, end));
            return new FilterDropRule(new IpPrefix(address, prefixLength), text, DateTimeOffset.FromUnixTimeSeconds((long)Math.Min(entry.LoadTime, (ulong)int.MaxValue)));
        }
    }
}

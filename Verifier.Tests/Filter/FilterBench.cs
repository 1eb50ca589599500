using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Reflection;
using Ebpf.Dsl;
using Ebpf.Dsl.Maps;
using Ebpf.Dsl.Packets;
using Ebpf.Loader.Maps;
using Ebpf.Programs.Filter;
using Ebpf.Verifier.Tests.Differential;
using Xunit;

namespace Ebpf.Verifier.Tests.Filter
{
    /// <summary>
    /// The filter loaded from its embedded image and run by <see cref="DifferentialHarness"/>: every step runs in the
    /// kernel (BPF_PROG_TEST_RUN) and on the CLR and must agree on verdict, output bytes and map contents; the bench
    /// also fills the drop lists on both sides and reads the summed counters of each side.
    /// </summary>
    internal sealed class FilterBench : IDisposable
    {
        private readonly DifferentialHarness harness;

        /// <summary>Loads the filter; the CLR's drop lists start empty like the kernel's.</summary>
        public FilterBench()
        {
            harness = new DifferentialHarness(XdpFilter.Image, typeof(XdpFilter));
            ClearClrDropLists();
        }

        /// <summary>The kernel's output frame of the last step.</summary>
        public byte[] LastPacket => harness.LastKernelPacket!;

        /// <summary>The program's configuration, on both sides.</summary>
        public void Configure(bool fragsDrop, bool ptbSend, uint ptbMaxPps) =>
            harness.SetArrayEntry("filter_config", 0, new FilterConfig { FragsDrop = (byte)(fragsDrop ? 1 : 0), PtbSend = (byte)(ptbSend ? 1 : 0), PtbMaxPps = ptbMaxPps });

        /// <summary>Adds <paramref name="cidr"/> (IPv4 or IPv6) to the drop list on both sides.</summary>
        public void Drop(string cidr)
        {
            string[] parts = cidr.Split('/');
            byte[] address = IPAddress.Parse(parts[0]).GetAddressBytes();
            uint prefix = uint.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            var entry = new FilterDropEntry { Tag0 = 0x74736574 }; // "test"
            if (address.Length == 4)
            {
                uint data = BitConverter.ToUInt32(address);
                new LpmTrieView<uint, FilterDropEntry>(harness.KernelMap("filter_drop4")).Set(data, (int)prefix, entry);
                Assert.Equal(0, Field<LpmTrieMap<uint, FilterDropEntry>>("filter_drop4").Update(new LpmKey<uint>(prefix, data), entry));
            }
            else
            {
                Ipv6Address data = default;
                address.CopyTo(data);
                new LpmTrieView<Ipv6Address, FilterDropEntry>(harness.KernelMap("filter_drop6")).Set(data, (int)prefix, entry);
                Assert.Equal(0, Field<LpmTrieMap<Ipv6Address, FilterDropEntry>>("filter_drop6").Update(new LpmKey<Ipv6Address>(prefix, data), entry));
            }
        }

        /// <summary>Runs one frame on both sides; fails on any difference; returns the verdict.</summary>
        public XdpAction Run(string name, byte[] frame)
        {
            string? differences = harness.Step(nameof(XdpFilter.Filter), name, frame);
            Assert.True(differences is null, differences);
            Assert.Empty(harness.Refused);
            return (XdpAction)uint.Parse(harness.LastClrVerdict!, System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>The kernel's counters summed over CPUs (the CLR's are equal: <see cref="Run"/> compares them).</summary>
        public FilterStats Stats()
        {
            FilterStats[] perCpu = new PerCpuArrayView<FilterStats>(harness.KernelMap("filter_stats")).Get(0);
            return perCpu.Aggregate(default(FilterStats), (sum, cpu) => new FilterStats
            {
                EthFrameErr = sum.EthFrameErr + cpu.EthFrameErr,
                IpHeaderErr = sum.IpHeaderErr + cpu.IpHeaderErr,
                Ip6HeaderErr = sum.Ip6HeaderErr + cpu.Ip6HeaderErr,
                IpDropCount = sum.IpDropCount + cpu.IpDropCount,
                Ip6DropCount = sum.Ip6DropCount + cpu.Ip6DropCount,
                IpFragDropCount = sum.IpFragDropCount + cpu.IpFragDropCount,
                PtbSentCount = sum.PtbSentCount + cpu.PtbSentCount,
                PtbErrCount = sum.PtbErrCount + cpu.PtbErrCount,
                PtbMemErrCount = sum.PtbMemErrCount + cpu.PtbMemErrCount,
            });
        }

        /// <summary>Unloads the program.</summary>
        public void Dispose()
        {
            ClearClrDropLists();
            harness.Dispose();
        }

        private static void ClearClrDropLists()
        {
            Field<LpmTrieMap<uint, FilterDropEntry>>("filter_drop4").Clear();
            Field<LpmTrieMap<Ipv6Address, FilterDropEntry>>("filter_drop6").Clear();
        }

        /// <summary>CLOCK_MONOTONIC in nanoseconds, as bpf_ktime_get_ns reads it (Stopwatch is CLOCK_MONOTONIC on Linux).</summary>
        public static ulong MonotonicNanoseconds() =>
            (ulong)((UInt128)(ulong)Stopwatch.GetTimestamp() * 1_000_000_000UL / (ulong)Stopwatch.Frequency);

        private static T Field<T>(string name) =>
            (T)typeof(XdpFilter).GetField(name, BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
    }
}

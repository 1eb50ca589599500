using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using Ebpf.Loader.Sampling;
using Ebpf.Programs.Sampler;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Sampler
{
    /// <summary>
    /// The shipped sampler (<see cref="PacketSampler"/>) in the kernel under BPF_PROG_TEST_RUN: off by default, exactly one
    /// record per N runs, records truncated at the snap length with the frame's bytes, and the header fields.
    /// </summary>
    public sealed class SamplerProgramTests : KernelTest
    {
        private const uint XdpPass = 2;

        [Fact]
        public void A_fresh_sampler_is_off_passes_and_writes_nothing()
        {
            using var pins = new PinDirectory();
            using var sampler = LoadedSampler.Load(pins.Path);
            TestRunResultCheck(sampler.Run(Packets.Ipv4Udp(), repeat: 10));
            Assert.Empty(sampler.Records());
            Assert.All(sampler.Counters(), c => Assert.Equal(default, c));
        }

        [Theory]
        [InlineData(1u, 7u)]
        [InlineData(3u, 21u)]
        [InlineData(10u, 95u)]
        public void Every_n_samples_the_first_run_then_every_nth(uint every, uint runs)
        {
            using var pins = new PinDirectory();
            using var sampler = LoadedSampler.Load(pins.Path);
            sampler.Configure(new SamplerConfig { Every = every, SnapLength = 128, Slot = 1 });
            TestRunResultCheck(sampler.Run(Packets.Ipv4Udp(), runs));

            uint expected = (runs + every - 1) / every;
            Assert.Equal((int)expected, sampler.Records().Count);
            SamplerCounters total = Sum(sampler.Counters());
            Assert.Equal(expected, total.Sampled);
            Assert.Equal(0UL, total.Lost);
        }

        [Theory]
        [InlineData(64, 128u, 64)]
        [InlineData(200, 100u, 100)]
        [InlineData(300, 0u, 256)]
        [InlineData(300, 1000u, 256)]
        [InlineData(61, 59u, 59)]
        [InlineData(77, 5u, 14)]
        [InlineData(15, 256u, 15)]
        public void A_record_holds_min_of_frame_and_snap_length_bytes_of_the_frame(int frameLength, uint snapLength, int captured)
        {
            using var pins = new PinDirectory();
            using var sampler = LoadedSampler.Load(pins.Path);
            byte[] frame = Frame(frameLength);
            sampler.Configure(new SamplerConfig { Every = 1, SnapLength = snapLength, Slot = 1 });
            TestRunResultCheck(sampler.Run(frame, 1));

            byte[] record = Assert.Single(sampler.Records());
            Assert.Equal(SampleRecord.Size, record.Length);
            SampleHeader header = MemoryMarshal.Read<SampleHeader>(record);
            Assert.Equal((uint)frameLength, header.PacketLength);
            Assert.Equal((uint)captured, header.CapturedLength);
            Assert.Equal(frame.AsSpan(0, captured).ToArray(), record.AsSpan(SampleHeader.Size, captured).ToArray());
        }

        [Fact]
        public void The_header_carries_slot_verdict_ifindex_lengths_and_a_monotonic_time()
        {
            using var pins = new PinDirectory();
            using var sampler = LoadedSampler.Load(pins.Path);
            sampler.Configure(new SamplerConfig { Every = 1, SnapLength = 64, Slot = 5 });
            ulong before = MonotonicNs();
            TestRunResultCheck(sampler.Run(Packets.Ipv4Udp(100), 1));
            ulong after = MonotonicNs();

            SampleHeader header = MemoryMarshal.Read<SampleHeader>(Assert.Single(sampler.Records()));
            Assert.Equal(5u, header.Slot);
            Assert.Equal(XdpPass, header.Verdict);
            Assert.Equal(1u, header.Ifindex); // BPF_PROG_TEST_RUN runs XDP on the loopback device
            Assert.Equal(100u, header.PacketLength);
            Assert.Equal(64u, header.CapturedLength);
            Assert.Equal(0u, header.Reserved);
            Assert.InRange(header.KtimeNs, before, after);
        }

        /// <summary>A frame of <paramref name="length"/> bytes: an IPv4/UDP header, then a counting pattern.</summary>
        private static byte[] Frame(int length)
        {
            byte[] frame = Packets.Ipv4Udp(Math.Max(length, 42)).AsSpan(0, length).ToArray();
            for (int i = 42; i < length; i++)
            {
                frame[i] = (byte)(i * 7 + 3);
            }

            return frame;
        }

        private static void TestRunResultCheck(uint verdict) => Assert.Equal(XdpPass, verdict);

        private static SamplerCounters Sum(IEnumerable<SamplerCounters> perCpu) => perCpu.Aggregate(
            default(SamplerCounters),
            (sum, c) => new SamplerCounters { Position = sum.Position + c.Position, Sampled = sum.Sampled + c.Sampled, Lost = sum.Lost + c.Lost });

        private static ulong MonotonicNs() => (ulong)KernelClock.MonotonicNs();
    }
}

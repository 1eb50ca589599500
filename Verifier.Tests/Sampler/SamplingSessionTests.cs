using System;
using System.IO;
using System.Threading;
using Ebpf.Loader.Sampling;
using Ebpf.Programs.Sampler;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Sampler
{
    /// <summary>
    /// <see cref="SamplingSession"/> against the sampler run by BPF_PROG_TEST_RUN from another thread: it stops at the
    /// count, accounts for every sampled packet as written or lost, and leaves the sampler off however it ends.
    /// </summary>
    public sealed class SamplingSessionTests : KernelTest
    {
        [Fact]
        public void A_session_writes_count_records_of_the_frames_run_and_turns_the_sampler_off()
        {
            using var pins = new PinDirectory();
            using var sampler = LoadedSampler.Load(pins.Path);
            byte[] frame = Packets.Ipv4Udp(90);
            var output = new MemoryStream();
            SamplingResult result;
            using (var writer = new PcapWriter(output, 64, leaveOpen: true))
            {
                result = RunWhileDriving(sampler, new SamplingOptions { Every = 2, SnapLength = 64, Slot = 1, Count = 3, Duration = TimeSpan.FromSeconds(20) }, writer, frame);
            }

            Assert.Equal((3L, SamplingStopReason.Count), (result.Written, result.Reason));
            Assert.Equal(0u, sampler.Maps.Config[0].Every);
            byte[] file = output.ToArray();
            Assert.Equal(PcapWriter.GlobalHeaderSize + (3 * (PcapWriter.RecordHeaderSize + 64)), file.Length);
            for (int record = 0; record < 3; record++)
            {
                int at = PcapWriter.GlobalHeaderSize + (record * (PcapWriter.RecordHeaderSize + 64));
                Assert.Equal(64, BitConverter.ToInt32(file, at + 8));
                Assert.Equal(90, BitConverter.ToInt32(file, at + 12));
                Assert.Equal(frame.AsSpan(0, 64).ToArray(), file.AsSpan(at + PcapWriter.RecordHeaderSize, 64).ToArray());
            }
        }

        [Fact]
        public void A_cancelled_session_writes_nothing_and_leaves_the_sampler_off()
        {
            using var pins = new PinDirectory();
            using var sampler = LoadedSampler.Load(pins.Path);
            using var writer = new PcapWriter(new MemoryStream(), 256);
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();

            SamplingResult result = SamplingSession.Run(sampler.Maps, new SamplingOptions { Every = 1 }, writer, cancelled.Token);

            Assert.Equal((0L, 0UL, SamplingStopReason.Cancelled), (result.Written, result.Lost, result.Reason));
            Assert.Equal(default, sampler.Maps.Config[0]);
        }

        [Fact]
        public void Every_sampled_packet_is_written_or_counted_lost_when_the_ring_overflows()
        {
            using var pins = new PinDirectory();
            using var sampler = LoadedSampler.Load(pins.Path);
            const uint runs = 12000; // the 1 MiB ring holds about 3,500 records of 296 bytes: over three ringfuls, so it overflows unless the reader keeps up with the program
            using var stop = new CancellationTokenSource();
            using var writer = new PcapWriter(new MemoryStream(), 256);
            SamplingResult? result = null;
            var session = new Thread(() => result = SamplingSession.Run(sampler.Maps, new SamplingOptions { Every = 1, Duration = TimeSpan.FromSeconds(20) }, writer, stop.Token));
            session.Start();
            WaitUntilOn(sampler);
            Assert.Equal(2u, sampler.Run(Packets.Ipv4Udp(), runs));
            stop.Cancel();
            Assert.True(session.Join(TimeSpan.FromSeconds(20)));

            Assert.NotNull(result);
            Assert.True(result.Lost > 0, "the ring never overflowed");
            Assert.Equal(runs, (ulong)result.Written + result.Lost);
            Assert.Equal(0u, sampler.Maps.Config[0].Every);
        }

        private static SamplingResult RunWhileDriving(LoadedSampler sampler, SamplingOptions options, PcapWriter writer, byte[] frame)
        {
            SamplingResult? result = null;
            var session = new Thread(() => result = SamplingSession.Run(sampler.Maps, options, writer, CancellationToken.None));
            session.Start();
            WaitUntilOn(sampler);
            while (!session.Join(TimeSpan.FromMilliseconds(5)))
            {
                sampler.Run(frame, 1);
            }

            return result!;
        }

        private static void WaitUntilOn(LoadedSampler sampler)
        {
            DateTime deadline = DateTime.UtcNow.AddSeconds(10);
            while (sampler.Maps.Config[0].Every == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "the session did not turn the sampler on");
                Thread.Sleep(5);
            }
        }
    }
}

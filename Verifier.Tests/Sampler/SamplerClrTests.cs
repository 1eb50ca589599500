using System;
using System.Reflection;
using System.Runtime.InteropServices;
using Ebpf.Dsl;
using Ebpf.Dsl.Maps;
using Ebpf.Programs.Sampler;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Sampler
{
    /// <summary>
    /// The sampler's C# run on the CLR (the DSL's managed maps and packet) records what the kernel records: the same
    /// header (but the time) and the same captured bytes, over frame and snap lengths around every word boundary.
    /// </summary>
    public sealed class SamplerClrTests : KernelTest
    {
        [Fact]
        public void Clr_and_kernel_records_agree_for_frame_and_snap_lengths_around_word_boundaries()
        {
            using var pins = new PinDirectory();
            using var sampler = LoadedSampler.Load(pins.Path);
            var clrConfig = Field<ArrayMap<SamplerConfig>>("sampler_config");
            var clrStats = Field<PerCpuArrayMap<SamplerCounters>>("sampler_stats");
            var clrRing = Field<RingBufferMap>("sampler_ring");
            int compared = 0;
            foreach (int frameLength in new[] { 14, 15, 21, 22, 23, 63, 64, 65, 127, 128, 129, 200, 255, 256, 257, 400 })
            {
                foreach (uint snap in new uint[] { 0, 13, 14, 15, 16, 17, 64, 100, 256, 300 })
                {
                    byte[] frame = Frame(frameLength);
                    var config = new SamplerConfig { Every = 1, SnapLength = snap, Slot = 1 };
                    sampler.Configure(config);
                    Assert.Equal(2u, sampler.Run(frame, 1));
                    byte[] kernel = Assert.Single(sampler.Records());

                    var runtime = new BpfRuntime(possibleCpus: 2);
                    using (BpfRuntime.Enter(runtime))
                    {
                        clrStats.Clear();
                        clrConfig.Update(0, config);
                        Assert.Equal(XdpAction.Pass, PacketSampler.Sampler(new XdpContext(frame) { IngressIfindex = 1 }));
                    }

                    byte[] clr = Assert.IsType<byte[]>(clrRing.TryConsume());
                    SampleHeader kernelHeader = MemoryMarshal.Read<SampleHeader>(kernel);
                    SampleHeader clrHeader = MemoryMarshal.Read<SampleHeader>(clr);
                    clrHeader.KtimeNs = kernelHeader.KtimeNs;
                    Assert.Equal(kernelHeader, clrHeader);
                    int captured = (int)kernelHeader.CapturedLength;
                    Assert.Equal(kernel.AsSpan(SampleHeader.Size, captured).ToArray(), clr.AsSpan(SampleHeader.Size, captured).ToArray());
                    Assert.Equal(frame.AsSpan(0, captured).ToArray(), clr.AsSpan(SampleHeader.Size, captured).ToArray());
                    compared++;
                }
            }

            Assert.Equal(160, compared);
        }

        private static T Field<T>(string name) =>
            (T)typeof(PacketSampler).GetField(name, BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

        private static byte[] Frame(int length)
        {
            var frame = new byte[length];
            for (int i = 0; i < length; i++)
            {
                frame[i] = (byte)((i * 13) + 5);
            }

            return frame;
        }
    }
}

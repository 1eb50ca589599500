using System;
using System.Collections.Generic;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Loader.Loading;
using Ebpf.Loader.Programs;
using Ebpf.Loader.RootArray;
using Ebpf.Programs.Sampler;

namespace Ebpf.Benchmarks.SideBySide
{
    /// <summary>
    /// The sampler (<c>[XdpSlot(1)] Sampler</c>, linked by the loader for slot 1 of <see cref="RootArraySuite.Slots"/>)
    /// against C/sampler.bpf.c, each side loaded twice: every=1 (every packet copied, snap length 256, so the 64-byte
    /// frame whole; a <see cref="RingDrainer"/> keeps the 1 MiB ring empty while it runs) and every=0 (off).
    /// </summary>
    internal sealed class SamplerSuite : IProgramSuite
    {
        private const int Slot = 1;

        /// <inheritdoc />
        public string Name => "XdpSampler";

        /// <inheritdoc />
        public IReadOnlyList<ProgramPair> Load(SuiteContext context)
        {
            CollectionImage image = SlotProgramLinker.Link(PacketSampler.Image, nameof(PacketSampler.Sampler), Slot, RootArraySuite.Slots);
            var packet = new TestPacket("ipv4-udp", TestPackets.Ipv4Udp());
            var pairs = new List<ProgramPair>();
            foreach (uint every in new uint[] { 1, 0 })
            {
                string setting = "every=" + every.ToString(System.Globalization.CultureInfo.InvariantCulture);
                string label = Name + "-every" + every.ToString(System.Globalization.CultureInfo.InvariantCulture);
                LoadedCollection ours = context.LoadOurs(image, label);
                BpftoolCollection clang = context.LoadClang("sampler", "xdp", label);
                SuiteContext.CheckSameMaps(Name, ours, clang, SuiteContext.MapNames(image));

                var config = new byte[16]; // every, snaplen, slot, reserved
                BitConverter.TryWriteBytes(config.AsSpan(0, 4), every);
                BitConverter.TryWriteBytes(config.AsSpan(4, 4), 256u);
                BitConverter.TryWriteBytes(config.AsSpan(8, 4), (uint)Slot);
                SuiteContext.UpdateBoth(ours, clang, "sampler_config", new byte[4], config);

                ProgramImage program = image.Programs.Single();
                BpfProgram mine = ours.Program(program.Name);
                RingDrainer drainer = context.Own(new RingDrainer(ours.Map("sampler_ring"), clang.Map("sampler_ring")));
                pairs.Add(new ProgramPair(Name, program.Name, mine.Type, mine, clang.Program(nameof(PacketSampler.Sampler)), program, packet)
                {
                    Setting = setting,
                    WhileTiming = every == 0 ? null : drainer.Run,
                });
            }

            return pairs;
        }
    }
}

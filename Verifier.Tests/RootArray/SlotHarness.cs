using System;
using Ebpf.Asm;
using Ebpf.Loader.Loading;
using Ebpf.Loader.Maps;
using Ebpf.Loader.RootArray;
using Ebpf.Verifier.Tests.Infrastructure;

namespace Ebpf.Verifier.Tests.RootArray
{
    /// <summary>
    /// An assembly root array (<see cref="XdpRootAssembly"/>) loaded with its maps pinned in a private directory, for
    /// loading linked slot programs next to it (<c>root_slots</c>/<c>root_stats</c> reused by name) and running them.
    /// </summary>
    internal sealed class SlotHarness : IDisposable
    {
        private readonly PinDirectory pins = new();
        private readonly RootArrayImage image;
        private readonly LoadedCollection root;

        public SlotHarness(int slots = 8)
        {
            image = XdpRootAssembly.Build(slots);
            root = Collection.Load(image.Image);
            root.Map(image.SlotsMapName).Pin(pins[RootArrayImage.DefaultSlotsMapName]);
            root.Map(image.StatsMapName).Pin(pins[RootArrayImage.DefaultStatsMapName]);
        }

        /// <summary>Loads <paramref name="linked"/> (from <see cref="SlotProgramLinker"/>) against the pinned root maps.</summary>
        public LoadedCollection Load(CollectionImage linked) => Collection.Load(linked, new LoadOptions { PinDirectory = pins.Path });

        /// <summary>The verdict of <paramref name="program"/> of <paramref name="loaded"/> for <paramref name="frame"/> (BPF_PROG_TEST_RUN).</summary>
        public static uint Run(LoadedCollection loaded, string program, byte[] frame) => loaded.Program(program).TestRun(frame).ReturnValue;

        /// <summary>Row <paramref name="row"/> of <c>root_stats</c>, summed over CPUs.</summary>
        public VerdictCounters Counters(uint row)
        {
            VerdictCounters sum = default;
            foreach (VerdictCounters cpu in new PerCpuArrayView<VerdictCounters>(root.Map(image.StatsMapName)).Get(row))
            {
                sum += cpu;
            }

            return sum;
        }

        public void Dispose()
        {
            root.Dispose();
            pins.Dispose();
        }
    }
}

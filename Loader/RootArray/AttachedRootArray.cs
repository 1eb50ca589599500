using System;
using Ebpf.Loader.Maps;

namespace Ebpf.Loader.RootArray
{
    /// <summary>
    /// The pinned maps of an attached root array, opened: put programs in slots, read counters. Disposing closes
    /// this process's fds only; the pins keep everything.
    /// </summary>
    public sealed class AttachedRootArray : IDisposable
    {
        private AttachedRootArray(string interfaceName, RootArrayPaths paths, BpfMap slots, BpfMap stats)
        {
            Interface = interfaceName;
            Paths = paths;
            Slots = new ProgramArrayView(slots);
            Stats = new PerCpuArrayView<VerdictCounters>(stats);
        }

        /// <summary>The interface.</summary>
        public string Interface { get; }

        /// <summary>Where its pins are; <c>Paths.Directory</c> is the <c>LoadOptions.PinDirectory</c> for slot programs.</summary>
        public RootArrayPaths Paths { get; }

        /// <summary>The slots PROG_ARRAY.</summary>
        public ProgramArrayView Slots { get; }

        /// <summary>The per-CPU stats: rows 0..N-1 for the slots, row N for the root.</summary>
        public PerCpuArrayView<VerdictCounters> Stats { get; }

        /// <summary>The number of slots.</summary>
        public int SlotCount => Slots.Length;

        /// <summary>Opens the root array pinned for <paramref name="interfaceName"/>.</summary>
        /// <exception cref="RootArrayException">No root array is pinned for it.</exception>
        public static AttachedRootArray Open(string interfaceName)
        {
            RootArrayPaths paths = RootArrayPaths.For(interfaceName);
            if (!System.IO.File.Exists(paths.Slots) || !System.IO.File.Exists(paths.Stats))
            {
                throw new RootArrayException($"Root array not attached to interface {interfaceName}.");
            }

            BpfMap slots = BpfMap.OpenPinned(paths.Slots);
            try
            {
                BpfMap stats = BpfMap.OpenPinned(paths.Stats);
                try
                {
                    return new AttachedRootArray(interfaceName, paths, slots, stats);
                }
                catch
                {
                    stats.Dispose();
                    throw;
                }
            }
            catch
            {
                slots.Dispose();
                throw;
            }
        }

        /// <summary>The counters of <paramref name="row"/> (a slot, or <see cref="SlotCount"/> for the root) summed over CPUs.</summary>
        public VerdictCounters Counters(int row)
        {
            VerdictCounters sum = default;
            foreach (VerdictCounters cpu in Stats.Get((uint)row))
            {
                sum += cpu;
            }

            return sum;
        }

        /// <inheritdoc />
        public void Dispose()
        {
            Slots.Map.Dispose();
            Stats.Map.Dispose();
        }
    }
}

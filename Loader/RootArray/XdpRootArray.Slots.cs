using System;
using System.IO;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Loader.Loading;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Programs;

namespace Ebpf.Loader.RootArray
{
    public static partial class XdpRootArray
    {
        /// <summary>
        /// Links the slot program <paramref name="programName"/> of <paramref name="image"/> for slot
        /// <paramref name="slot"/> of the root array on <paramref name="interfaceName"/>
        /// (<see cref="SlotProgramLinker"/>), loads it with its maps pinned by name in the interface's directory (an
        /// existing pin of the same shape is reused, so its contents survive a reload), and puts it into the slot with
        /// one PROG_ARRAY update: the previous program keeps running until that instant, and the counters, which live
        /// in the root's stats map, carry on. Holds <see cref="RootArrayLock"/>.
        /// </summary>
        /// <param name="interfaceName">An interface with a root array attached.</param>
        /// <param name="slot">0 .. slots-1.</param>
        /// <param name="image">A compiled program class holding the slot program.</param>
        /// <param name="programName">The slot program's method name; null for the image's only slot program.</param>
        /// <exception cref="RootArrayException">No root array on the interface, the slot is out of range, or the program is not a slot program of the image.</exception>
        /// <exception cref="VerifierException">The kernel refused the linked program (the location is the body's C# line).</exception>
        /// <exception cref="CollectionException">A map pinned under the same name has another shape.</exception>
        public static SlotLoadResult LoadSlot(string interfaceName, int slot, CollectionImage image, string? programName = null)
        {
            if (image is null)
            {
                throw new ArgumentNullException(nameof(image));
            }

            RootArrayPaths paths = PathsFor(interfaceName);
            using RootArrayLock held = RootArrayLock.Acquire(LockTimeout);
            using BpfMap slotsMap = OpenSlots(interfaceName, paths);
            var slots = new ProgramArrayView(slotsMap);
            CheckSlot(interfaceName, slot, slots.Length);
            CollectionImage linked;
            try
            {
                linked = SlotProgramLinker.Link(image, programName, slot, slots.Length);
            }
            catch (ArgumentException error)
            {
                throw new RootArrayException(error.Message.Split(" (Parameter")[0], error);
            }

            string name = linked.Programs[0].Name;
            using LoadedCollection loaded = Collection.Load(linked, new LoadOptions { PinDirectory = paths.Directory });
            BpfProgram program = loaded.Program(name);
            uint? replaced = slots.ProgramId(slot);
            slots.Set(slot, program);
            string[] mapPins = loaded.PinPaths
                .Where(pin => pin.Key != RootArrayImage.DefaultSlotsMapName && pin.Key != RootArrayImage.DefaultStatsMapName)
                .Select(pin => pin.Value)
                .OrderBy(path => path, StringComparer.Ordinal)
                .ToArray();
            return new SlotLoadResult(interfaceName, slot, slots.Length, name, program.Info().Id, replaced, mapPins);
        }

        /// <summary>
        /// Loads a single slot program (<see cref="ProgramImage.DefaultSlot"/> set) that declares no maps of its own;
        /// see <see cref="LoadSlot(string, int, CollectionImage, string?)"/>.
        /// </summary>
        public static SlotLoadResult LoadSlot(string interfaceName, int slot, ProgramImage program) =>
            LoadSlot(interfaceName, slot, new CollectionImage(Array.Empty<MapDefinition>(), new[] { program ?? throw new ArgumentNullException(nameof(program)) }), program.Name);

        /// <summary>
        /// Empties slot <paramref name="slot"/> of the root array on <paramref name="interfaceName"/> (one PROG_ARRAY
        /// delete: the frames that reached it go on to the next slot). The program's pinned maps stay until
        /// <see cref="Detach"/>. Returns false when the slot was already empty. Holds <see cref="RootArrayLock"/>.
        /// </summary>
        /// <exception cref="RootArrayException">No root array on the interface, or the slot is out of range.</exception>
        public static bool UnloadSlot(string interfaceName, int slot)
        {
            RootArrayPaths paths = PathsFor(interfaceName);
            using RootArrayLock held = RootArrayLock.Acquire(LockTimeout);
            using BpfMap slotsMap = OpenSlots(interfaceName, paths);
            var slots = new ProgramArrayView(slotsMap);
            CheckSlot(interfaceName, slot, slots.Length);
            return slots.Clear(slot);
        }

        private static BpfMap OpenSlots(string interfaceName, RootArrayPaths paths)
        {
            if (!File.Exists(paths.Slots) || !File.Exists(paths.Stats))
            {
                IndexOf(interfaceName); // an unknown interface says so
                throw new RootArrayException($"Root array not attached to interface {interfaceName}.");
            }

            return BpfMap.OpenPinned(paths.Slots);
        }

        private static void CheckSlot(string interfaceName, int slot, int slots)
        {
            if (slot < 0 || slot >= slots)
            {
                throw new RootArrayException($"slot {slot} is out of range: the root array on {interfaceName} has {slots} slots (0..{slots - 1})");
            }
        }
    }
}

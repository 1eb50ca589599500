using System;
using Ebpf.Asm;
using Ebpf.Loader.Programs;
using Ebpf.Loader.Sys;

namespace Ebpf.Loader.Maps
{
    /// <summary>
    /// The slots of a PROG_ARRAY (tail-call targets). Mirrors <c>ProgramArrayMap</c>.
    /// </summary>
    /// <remarks>
    /// Kernel: BPF_MAP_TYPE_PROG_ARRAY, since 4.2. Entries vanish when the last user-space reference to the
    /// map goes (fd closed and not pinned). Since 6.18 all programs in one array share expected_attach_type.
    /// </remarks>
    public sealed class ProgramArrayView
    {
        /// <summary>Wraps <paramref name="map"/> after checking its type.</summary>
        public ProgramArrayView(BpfMap map)
        {
            Map = map ?? throw new ArgumentNullException(nameof(map));
            ValueBytes.CheckType(map, nameof(ProgramArrayView), MapType.ProgramArray);
        }

        /// <summary>The underlying map.</summary>
        public BpfMap Map { get; }

        /// <summary>The number of slots.</summary>
        public int Length => Map.MaxEntries;

        /// <summary>Puts <paramref name="program"/> in <paramref name="slot"/>.</summary>
        public void Set(int slot, BpfProgram program) => Set(slot, (program ?? throw new ArgumentNullException(nameof(program))).Fd);

        /// <summary>Puts the program behind <paramref name="programFd"/> in <paramref name="slot"/>.</summary>
        public void Set(int slot, BpfFd programFd)
        {
            uint key = CheckSlot(slot);
            using BpfFdLease program = programFd.Lease();
            uint fd = program.Number;
            try
            {
                Map.Update(ValueBytes.Of(ref key), ValueBytes.Of(ref fd));
            }
            catch (BpfException error) when (error.Errno == 22)
            {
                throw new BpfException(error.Command, error.Errno,
                    $"PROG_ARRAY '{Map.Name}' slot {slot}: the program's type or expected_attach_type differs from the array's other programs");
            }
        }

        /// <summary>Empties <paramref name="slot"/>; false when it was empty.</summary>
        public bool Clear(int slot)
        {
            uint key = CheckSlot(slot);
            return Map.Delete(ValueBytes.Of(ref key));
        }

        /// <summary>The id of the program in <paramref name="slot"/>, or null when empty.</summary>
        public uint? ProgramId(int slot)
        {
            uint key = CheckSlot(slot);
            var value = new byte[4];
            return Map.TryLookup(ValueBytes.Of(ref key), value) ? BitConverter.ToUInt32(value, 0) : null;
        }

        private uint CheckSlot(int slot)
        {
            if (slot < 0 || slot >= Length)
            {
                throw new ArgumentOutOfRangeException(nameof(slot), slot, $"PROG_ARRAY '{Map.Name}' has {Length} slots (0..{Length - 1})");
            }

            return (uint)slot;
        }
    }
}

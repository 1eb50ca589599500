using System;
using System.Collections.Generic;
using System.IO;
using Ebpf.Loader.Links;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Programs;
using Ebpf.Loader.Sys;

namespace Ebpf.Loader.RootArray
{
    public static partial class XdpRootArray
    {
        /// <summary>The status of <paramref name="interfaceName"/>'s root array, or null when it has none.</summary>
        public static RootArrayStatus? Status(string interfaceName)
        {
            RootArrayPaths paths = PathsFor(interfaceName);
            if (!Directory.Exists(paths.Directory) || !File.Exists(paths.Slots) || !File.Exists(paths.Stats) || !File.Exists(paths.Program))
            {
                return null;
            }

            using AttachedRootArray array = AttachedRootArray.Open(interfaceName);
            using BpfProgram root = BpfProgram.OpenPinned(paths.Program);
            ProgramInfo rootInfo = root.Info();
            uint linkId = 0;
            bool attached = false;
            if (File.Exists(paths.Link))
            {
                using BpfLink link = BpfLink.OpenPinned(paths.Link);
                LinkInfo info = link.Info();
                linkId = info.Id;
                attached = info.InterfaceIndex != 0 && info.ProgramId == rootInfo.Id;
            }

            var slots = new List<SlotStatus>();
            for (int slot = 0; slot < array.SlotCount; slot++)
            {
                VerdictCounters counters = array.Counters(slot);
                ProgramInfo? program = SlotProgram(array.Slots, slot);
                slots.Add(program is null
                    ? new SlotStatus(slot, null, null, null, counters)
                    : new SlotStatus(slot, program.Id, program.Name, program.LoadTime, counters));
            }

            var rootRow = new SlotStatus(null, rootInfo.Id, rootInfo.Name, rootInfo.LoadTime, array.Counters(array.SlotCount));
            return new RootArrayStatus(interfaceName, attached, linkId, rootRow, slots);
        }

        private static ProgramInfo? SlotProgram(ProgramArrayView slots, int slot)
        {
            uint? id = slots.ProgramId(slot);
            if (id is null)
            {
                return null;
            }

            try
            {
                using BpfProgram program = BpfProgram.OpenById(id.Value);
                return program.Info();
            }
            catch (BpfException error) when (error.Errno == Errno.ENOENT)
            {
                return null; // replaced or removed between the lookup and the open
            }
        }
    }
}

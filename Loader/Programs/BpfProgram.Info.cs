using System;
using System.Collections.Generic;
using System.Text;
using Ebpf.Asm;
using Ebpf.Loader.Sys;

namespace Ebpf.Loader.Programs
{
    public sealed partial class BpfProgram
    {
        /// <summary>Reads the program's info. Kernel: BPF_OBJ_GET_INFO_BY_FD.</summary>
        public ProgramInfo Info() => ReadInfo(Fd);

        /// <summary>
        /// The instructions as the kernel keeps them after verification and rewriting (map fds become map
        /// addresses, helpers are patched). Kernel: bpf_prog_info.xlated_prog_insns; needs CAP_SYS_ADMIN.
        /// </summary>
        public unsafe IReadOnlyList<Instruction> TranslatedInstructions()
        {
            var info = default(KernelProgramInfo);
            ObjectInfoReader.Read(Fd, ref info);
            var bytes = new byte[info.XlatedProgramLength];
            fixed (byte* pointer = bytes)
            {
                info = default;
                info.XlatedProgramLength = (uint)bytes.Length;
                info.XlatedProgramInstructions = (ulong)pointer;
                ObjectInfoReader.Read(Fd, ref info);
            }

            var instructions = new List<Instruction>();
            for (int position = 0; position < bytes.Length;)
            {
                instructions.Add(Instruction.Decode(bytes.AsSpan(position), out int slots));
                position += slots * Instruction.SlotSize;
            }

            return instructions;
        }

        /// <summary>Reads the info of the program behind <paramref name="fd"/>.</summary>
        public static unsafe ProgramInfo ReadInfo(BpfFd fd)
        {
            var info = default(KernelProgramInfo);
            ObjectInfoReader.Read(fd, ref info);
            var mapIds = new uint[info.MapIdCount];
            if (mapIds.Length > 0)
            {
                fixed (uint* ids = mapIds)
                {
                    var again = default(KernelProgramInfo);
                    again.MapIdCount = (uint)mapIds.Length;
                    again.MapIds = (ulong)ids;
                    ObjectInfoReader.Read(fd, ref again);
                }
            }

            var tag = new StringBuilder(16);
            for (int i = 0; i < 8; i++)
            {
                tag.Append(info.Tag[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return new ProgramInfo
            {
                Id = info.Id,
                Type = (ProgramType)info.Type,
                Name = ObjectName.Read(info.Name),
                Tag = tag.ToString(),
                LoadTime = BootClock.ToWallClock(info.LoadTime),
                CreatedByUid = info.CreatedByUid,
                TranslatedSize = (int)info.XlatedProgramLength,
                JitedSize = (int)info.JitedProgramLength,
                VerifiedInstructions = info.VerifiedInstructions,
                MapIds = mapIds,
                BtfId = info.BtfId,
                GplCompatible = (info.GplCompatibleBits & 1) != 0,
                RunTimeNs = info.RunTimeNs,
                RunCount = info.RunCount,
            };
        }
    }
}

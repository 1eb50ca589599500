using System.Runtime.InteropServices;

namespace Ebpf.Loader.Sys
{
    /// <summary><c>struct bpf_prog_info</c> (232 bytes, up to attach_btf_id), filled by BPF_OBJ_GET_INFO_BY_FD.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 232)]
    internal unsafe struct KernelProgramInfo
    {
        [FieldOffset(0)] public uint Type;
        [FieldOffset(4)] public uint Id;
        [FieldOffset(8)] public fixed byte Tag[8];
        [FieldOffset(16)] public uint JitedProgramLength;
        [FieldOffset(20)] public uint XlatedProgramLength;
        [FieldOffset(24)] public ulong JitedProgramInstructions;
        [FieldOffset(32)] public ulong XlatedProgramInstructions;
        [FieldOffset(40)] public ulong LoadTime;
        [FieldOffset(48)] public uint CreatedByUid;
        [FieldOffset(52)] public uint MapIdCount;
        [FieldOffset(56)] public ulong MapIds;
        [FieldOffset(64)] public fixed byte Name[ObjectName.Length];
        [FieldOffset(80)] public uint IfIndex;
        [FieldOffset(84)] public uint GplCompatibleBits;
        [FieldOffset(88)] public ulong NetnsDev;
        [FieldOffset(96)] public ulong NetnsIno;
        [FieldOffset(104)] public uint JitedKsymCount;
        [FieldOffset(108)] public uint JitedFuncLengthCount;
        [FieldOffset(112)] public ulong JitedKsyms;
        [FieldOffset(120)] public ulong JitedFuncLengths;
        [FieldOffset(128)] public uint BtfId;
        [FieldOffset(132)] public uint FuncInfoRecordSize;
        [FieldOffset(136)] public ulong FuncInfo;
        [FieldOffset(144)] public uint FuncInfoCount;
        [FieldOffset(148)] public uint LineInfoCount;
        [FieldOffset(152)] public ulong LineInfo;
        [FieldOffset(160)] public ulong JitedLineInfo;
        [FieldOffset(168)] public uint JitedLineInfoCount;
        [FieldOffset(172)] public uint LineInfoRecordSize;
        [FieldOffset(176)] public uint JitedLineInfoRecordSize;
        [FieldOffset(180)] public uint ProgramTagCount;
        [FieldOffset(184)] public ulong ProgramTags;
        [FieldOffset(192)] public ulong RunTimeNs;
        [FieldOffset(200)] public ulong RunCount;
        [FieldOffset(208)] public ulong RecursionMisses;
        [FieldOffset(216)] public uint VerifiedInstructions;
        [FieldOffset(220)] public uint AttachBtfObjectId;
        [FieldOffset(224)] public uint AttachBtfId;
    }
}

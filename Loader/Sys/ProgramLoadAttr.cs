using System.Runtime.InteropServices;

namespace Ebpf.Loader.Sys
{
    /// <summary>The BPF_PROG_LOAD part of <c>union bpf_attr</c> (up to log_true_size, 144 bytes).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 144)]
    internal unsafe struct ProgramLoadAttr
    {
        [FieldOffset(0)] public uint ProgramType;
        [FieldOffset(4)] public uint InstructionCount;
        [FieldOffset(8)] public ulong Instructions;
        [FieldOffset(16)] public ulong License;
        [FieldOffset(24)] public uint LogLevel;
        [FieldOffset(28)] public uint LogSize;
        [FieldOffset(32)] public ulong LogBuffer;
        [FieldOffset(40)] public uint KernelVersion;
        [FieldOffset(44)] public uint ProgramFlags;
        [FieldOffset(48)] public fixed byte ProgramName[ObjectName.Length];
        [FieldOffset(64)] public uint ProgramIfIndex;
        [FieldOffset(68)] public uint ExpectedAttachType;
        [FieldOffset(72)] public uint ProgramBtfFd;
        [FieldOffset(76)] public uint FuncInfoRecordSize;
        [FieldOffset(80)] public ulong FuncInfo;
        [FieldOffset(88)] public uint FuncInfoCount;
        [FieldOffset(92)] public uint LineInfoRecordSize;
        [FieldOffset(96)] public ulong LineInfo;
        [FieldOffset(104)] public uint LineInfoCount;
        [FieldOffset(108)] public uint AttachBtfId;
        [FieldOffset(112)] public uint AttachProgramFd;
        [FieldOffset(116)] public uint CoreRelocationCount;
        [FieldOffset(120)] public ulong FdArray;
        [FieldOffset(128)] public ulong CoreRelocations;
        [FieldOffset(136)] public uint CoreRelocationRecordSize;
        /// <summary>Out: the log size the verifier needed (kernel 6.4+).</summary>
        [FieldOffset(140)] public uint LogTrueSize;
    }
}

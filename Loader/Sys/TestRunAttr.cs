using System.Runtime.InteropServices;

namespace Ebpf.Loader.Sys
{
    /// <summary>The BPF_PROG_TEST_RUN part of <c>union bpf_attr</c> (80 bytes).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 80)]
    internal struct TestRunAttr
    {
        [FieldOffset(0)] public uint ProgramFd;
        [FieldOffset(4)] public uint ReturnValue;
        [FieldOffset(8)] public uint DataSizeIn;
        [FieldOffset(12)] public uint DataSizeOut;
        [FieldOffset(16)] public ulong DataIn;
        [FieldOffset(24)] public ulong DataOut;
        [FieldOffset(32)] public uint Repeat;
        [FieldOffset(36)] public uint Duration;
        [FieldOffset(40)] public uint ContextSizeIn;
        [FieldOffset(44)] public uint ContextSizeOut;
        [FieldOffset(48)] public ulong ContextIn;
        [FieldOffset(56)] public ulong ContextOut;
        [FieldOffset(64)] public uint Flags;
        [FieldOffset(68)] public uint Cpu;
        [FieldOffset(72)] public uint BatchSize;
    }
}

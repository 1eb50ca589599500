using System.Runtime.InteropServices;

namespace Ebpf.Loader.Sys
{
    /// <summary>The BPF_MAP_CREATE part of <c>union bpf_attr</c> (up to map_extra, 72 bytes).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 72)]
    internal unsafe struct MapCreateAttr
    {
        [FieldOffset(0)] public uint MapType;
        [FieldOffset(4)] public uint KeySize;
        [FieldOffset(8)] public uint ValueSize;
        [FieldOffset(12)] public uint MaxEntries;
        [FieldOffset(16)] public uint MapFlags;
        [FieldOffset(20)] public uint InnerMapFd;
        [FieldOffset(24)] public uint NumaNode;
        [FieldOffset(28)] public fixed byte MapName[ObjectName.Length];
        [FieldOffset(44)] public uint MapIfIndex;
        [FieldOffset(48)] public uint BtfFd;
        [FieldOffset(52)] public uint BtfKeyTypeId;
        [FieldOffset(56)] public uint BtfValueTypeId;
        [FieldOffset(60)] public uint BtfVmlinuxValueTypeId;
        [FieldOffset(64)] public ulong MapExtra;
    }
}

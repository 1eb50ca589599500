using System.Runtime.InteropServices;
using Tmds.Linux;

namespace Ebpf.Benchmarks.UserSpace
{
    /// <summary>
    /// The baseline for map access: BPF_MAP_LOOKUP_ELEM / BPF_MAP_UPDATE_ELEM through <c>syscall(SYS_bpf, …)</c> with a
    /// hand-filled attr, no views, no checks — what the loader's typed views cost on top of it is what the suite measures.
    /// </summary>
    internal static unsafe class RawMapSyscall
    {
        private const int SysBpfX64 = 321;
        private const int MapLookupElem = 1;
        private const int MapUpdateElem = 2;

        /// <summary>Looks <paramref name="key"/> up in the map behind <paramref name="mapFd"/>; false when the kernel says no.</summary>
        public static bool Lookup(int mapFd, uint key, ulong* value)
        {
            var attr = new ElementAttr { MapFd = (uint)mapFd, Key = (ulong)&key, Value = (ulong)value };
            return (long)LibC.syscall(SysBpfX64, MapLookupElem, &attr, (uint)sizeof(ElementAttr)) == 0;
        }

        /// <summary>Writes <paramref name="value"/> at <paramref name="key"/> (BPF_ANY).</summary>
        public static bool Update(int mapFd, uint key, ulong value)
        {
            var attr = new ElementAttr { MapFd = (uint)mapFd, Key = (ulong)&key, Value = (ulong)&value };
            return (long)LibC.syscall(SysBpfX64, MapUpdateElem, &attr, (uint)sizeof(ElementAttr)) == 0;
        }

        /// <summary>The map-element part of <c>union bpf_attr</c> (32 bytes).</summary>
        [StructLayout(LayoutKind.Explicit, Size = 32)]
        private struct ElementAttr
        {
            [FieldOffset(0)] public uint MapFd;
            [FieldOffset(8)] public ulong Key;
            [FieldOffset(16)] public ulong Value;
            [FieldOffset(24)] public ulong Flags;
        }
    }
}

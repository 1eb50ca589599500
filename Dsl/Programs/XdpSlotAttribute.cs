using System;

namespace Ebpf.Dsl
{
    /// <summary>
    /// Makes a static method <c>XdpAction Name(XdpContext ctx)</c> a slot program of the XDP root array: an XDP program
    /// whose default place is slot <see cref="Slot"/> of the root's pinned PROG_ARRAY. No <see cref="XdpAttribute"/> is
    /// needed. The method only decides the verdict; the loader links the rest for the slot it is loaded into: it counts
    /// the verdict in that slot's row of the root's stats and, on <see cref="XdpAction.Pass"/>, hands the frame to the
    /// next populated slot.
    /// </summary>
    /// <remarks>
    /// Kernel: BPF_PROG_TYPE_XDP, expected_attach_type BPF_XDP (since 4.8; one attach type per PROG_ARRAY on 6.18); the
    /// body runs as a BPF-to-BPF subprogram (since 4.16; mixed with tail calls since 5.10 on x86-64). The root array is
    /// this project's convention (one root XDP program, a BPF_MAP_TYPE_PROG_ARRAY of slots), not a kernel feature.
    /// The maps a slot program declares are pinned by name in the interface's directory, so they are per interface.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class XdpSlotAttribute : Attribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="slot">The zero-based slot index the program goes to unless the loader is told another one.</param>
        public XdpSlotAttribute(int slot)
        {
            Slot = slot;
        }

        /// <summary>The zero-based default slot index in the root array.</summary>
        public int Slot { get; }
    }
}

using System;

namespace Ebpf.Dsl
{
    /// <summary>
    /// Marks an <see cref="XdpAttribute"/> program as a slot program of the XDP root array: the loader puts it into
    /// slot <see cref="Slot"/> of the root's pinned PROG_ARRAY, and the root tail-calls it.
    /// </summary>
    /// <remarks>The root array is this project's convention (one root XDP program, a BPF_MAP_TYPE_PROG_ARRAY of slots),
    /// not a kernel feature.</remarks>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class XdpSlotAttribute : Attribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="slot">The zero-based slot index.</param>
        public XdpSlotAttribute(int slot)
        {
            Slot = slot;
        }

        /// <summary>The zero-based slot index in the root array.</summary>
        public int Slot { get; }
    }
}

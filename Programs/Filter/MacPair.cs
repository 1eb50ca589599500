using System.Runtime.InteropServices;

namespace Ebpf.Programs.Filter
{
    /// <summary>
    /// An Ethernet header's two addresses as six 16-bit words (memory order), so the filter can swap them through
    /// scalars rather than copying <c>MacAddress</c> structs through the stack.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct MacPair
    {
        /// <summary>Destination bytes 0–1.</summary>
        public ushort Destination0;

        /// <summary>Destination bytes 2–3.</summary>
        public ushort Destination1;

        /// <summary>Destination bytes 4–5.</summary>
        public ushort Destination2;

        /// <summary>Source bytes 0–1.</summary>
        public ushort Source0;

        /// <summary>Source bytes 2–3.</summary>
        public ushort Source1;

        /// <summary>Source bytes 4–5.</summary>
        public ushort Source2;
    }
}

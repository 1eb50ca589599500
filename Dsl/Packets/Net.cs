using System;
using System.Buffers.Binary;

namespace Ebpf.Dsl.Packets
{
    /// <summary>
    /// Byte order between the host (little-endian on the machines eBPF runs on here) and the network (big-endian).
    /// </summary>
    /// <remarks>Kernel: <c>bpf_ntohs</c>/<c>bpf_htons</c> and friends; lowered to one BPF_END instruction
    /// (<c>be16</c>/<c>be32</c>/<c>be64</c>) on a little-endian target, constant-folded for constants.</remarks>
    public static class Net
    {
        /// <summary>Network to host order, 16 bits.</summary>
        /// <param name="value">A value in network order.</param>
        /// <returns>The value in host order.</returns>
        public static ushort ToHost16(ushort value) => BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(value) : value;

        /// <summary>Network to host order, 32 bits.</summary>
        /// <param name="value">A value in network order.</param>
        /// <returns>The value in host order.</returns>
        public static uint ToHost32(uint value) => BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(value) : value;

        /// <summary>Network to host order, 64 bits.</summary>
        /// <param name="value">A value in network order.</param>
        /// <returns>The value in host order.</returns>
        public static ulong ToHost64(ulong value) => BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(value) : value;

        /// <summary>Host to network order, 16 bits.</summary>
        /// <param name="value">A value in host order.</param>
        /// <returns>The value in network order.</returns>
        public static ushort ToNetwork16(ushort value) => ToHost16(value);

        /// <summary>Host to network order, 32 bits.</summary>
        /// <param name="value">A value in host order.</param>
        /// <returns>The value in network order.</returns>
        public static uint ToNetwork32(uint value) => ToHost32(value);

        /// <summary>Host to network order, 64 bits.</summary>
        /// <param name="value">A value in host order.</param>
        /// <returns>The value in network order.</returns>
        public static ulong ToNetwork64(ulong value) => ToHost64(value);
    }
}

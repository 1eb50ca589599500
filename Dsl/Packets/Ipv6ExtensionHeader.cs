using System.Runtime.InteropServices;

namespace Ebpf.Dsl.Packets
{
    /// <summary>
    /// The first two bytes every IPv6 extension header shares (hop-by-hop, routing, destination options; linux/ipv6.h
    /// <c>struct ipv6_opt_hdr</c>): enough to skip it. The fragment header has a fixed 8-byte length instead.
    /// </summary>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct Ipv6ExtensionHeader
    {
        /// <summary>The protocol or extension header that follows (nexthdr).</summary>
        public IpProtocol NextHeader;

        /// <summary>Length in 8-byte units, not counting the first 8 bytes (hdrlen).</summary>
        public byte LengthUnits;

        /// <summary>The header's whole length in bytes: (hdrlen + 1) × 8 (ipv6_optlen). For
        /// <see cref="IpProtocol.Fragment"/> use 8, and for <see cref="IpProtocol.Ah"/> (hdrlen + 2) × 4.</summary>
        public readonly int Length => (LengthUnits + 1) << 3;
    }
}

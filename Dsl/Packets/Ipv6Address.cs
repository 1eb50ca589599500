using System.Runtime.CompilerServices;

namespace Ebpf.Dsl.Packets
{
    /// <summary>A 16-byte IPv6 address, in wire (network) order; index it like an array.</summary>
    [InlineArray(16)]
    public struct Ipv6Address
    {
        private byte _byte0;
    }
}

using System.Runtime.CompilerServices;

namespace Ebpf.Dsl.Packets
{
    /// <summary>A 6-byte Ethernet address, in wire order; index it like an array.</summary>
    [InlineArray(6)]
    public struct MacAddress
    {
        private byte _byte0;
    }
}

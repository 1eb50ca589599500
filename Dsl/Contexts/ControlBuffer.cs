using System.Runtime.CompilerServices;

namespace Ebpf.Dsl
{
    /// <summary>The five 32-bit words of scratch space an skb carries between programs (<c>__sk_buff.cb[5]</c>).</summary>
    [InlineArray(5)]
    public struct ControlBuffer
    {
        private uint _word0;
    }
}

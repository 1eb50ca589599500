using System.Runtime.InteropServices;

namespace Ebpf.Verifier.Tests.TailCalls
{
    /// <summary>The seed's <c>struct tail_context { u8 value_from_1; u8 value_from_2; }</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct TailContext
    {
        public byte ValueFrom1;
        public byte ValueFrom2;

        public override readonly string ToString() => $"{{{ValueFrom1}, {ValueFrom2}}}";
    }
}

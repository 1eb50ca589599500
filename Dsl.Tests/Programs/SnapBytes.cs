using System.Runtime.CompilerServices;

namespace Ebpf.Dsl.Tests.Programs
{
    /// <summary>The first bytes of a sampled packet.</summary>
    [InlineArray(SampleRecord.SnapLength)]
    public struct SnapBytes
    {
        private byte _byte0;
    }
}

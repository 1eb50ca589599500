namespace Ebpf.Dsl.Tests.Programs
{
    /// <summary>What the sampler-shaped program writes into its ring buffer.</summary>
    public struct SampleRecord
    {
        public const int SnapLength = 64;

        public uint PacketLength;
        public uint CapturedLength;
        public SnapBytes Data;
    }
}
